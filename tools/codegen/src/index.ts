export { loadSpec, SpecError, formatProblem, type Spec, type SpecProblem } from "./spec/load.js";
export { buildIr, type Argument, type Example, type Ir, type Method, type Model } from "./model.js";
export { runEmitters, type ApiTarget, type Emitter, type GeneratedFile } from "./emit.js";
export { apis, wrikeV2, wrikeV4 } from "./apis.js";
export { emitters } from "./emitters/index.js";
export { generateAll, findDrift, writeGenerated } from "./generate.js";
export { sampleDocuments, type SampleDocuments } from "./emitters/shared/sample-documents.js";
