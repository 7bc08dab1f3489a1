import { parseXml } from "@wrikekit/core/xml";
import { renderTaskFilterXml } from "@wrikekit/client/server";
import { taskFilterDocument } from "./src/fixtures.mjs";
const xml = renderTaskFilterXml(JSON.parse(JSON.stringify(taskFilterDocument(1000))));
for (let i=0;i<20;i++) parseXml(xml);
const s=performance.now(); for (let i=0;i<100;i++) parseXml(xml); console.log((performance.now()-s)/100);
