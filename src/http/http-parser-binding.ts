/**
 * restify loads spdy (HTTP/2), whose http-deceiver reads `process.binding('http_parser')` twice
 * as it loads (once for the parser, once more for its method list, a Node 6 fallback). Node prints
 * its DEP0111 deprecation warning at each read, so `npm start` showed it twice. Here that one
 * binding is read once and the same object handed back the second time: the warning is still
 * printed, once, and no other binding or warning is touched. Imported before restify.
 */
const processWithBinding = process as unknown as { binding(name: string): unknown };
const original = processWithBinding.binding;
let httpParser: unknown;

if (typeof original === 'function') {
  processWithBinding.binding = function binding(name: string): unknown {
    if (name !== 'http_parser') return original.call(process, name);
    httpParser ??= original.call(process, name);
    return httpParser;
  };
}
