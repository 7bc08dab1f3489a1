export { createSigningProxy, type SigningProxyOptions } from "./proxy.js";
export { serve } from "./server.js";
