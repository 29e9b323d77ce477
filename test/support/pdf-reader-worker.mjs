// Reads PDFs with pdfjs-dist, which is ESM only and cannot load inside Jest's CommonJS sandbox.
// Protocol: one JSON line per request on stdin, { id, pdf: base64 }; one JSON line per answer on stdout,
// { id, result } or { id, error }. Started by test/support/pdf-reader.ts.
import { createInterface } from 'node:readline';

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const { OPS } = pdfjs;
const PAINTING = new Set([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText,
  OPS.constructPath, OPS.fill, OPS.eoFill, OPS.stroke, OPS.fillStroke, OPS.eoFillStroke, OPS.paintImageXObject]);
const PATHS = new Set([OPS.constructPath]);

/**
 * The page's tagged text in structure-tree order: one { role, text } per element that holds content
 * directly, so a test can check reading order and what each heading or paragraph says.
 */
function taggedBlocks(structTree, items) {
  const textById = new Map();
  const open = [];
  for (const item of items) {
    if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ?? null);
    else if (item.type === 'endMarkedContent') open.pop();
    else if ('str' in item) {
      const id = open.findLast((value) => value !== null);
      if (id) textById.set(id, (textById.get(id) ?? '') + item.str + (item.hasEOL ? '\n' : ''));
    }
  }
  const blocks = [];
  const walk = (node) => {
    const contents = (node.children ?? []).filter((child) => child.type === 'content');
    if (node.role && contents.length > 0) {
      blocks.push({ role: node.role, text: contents.map((child) => textById.get(child.id) ?? '').join('') });
    }
    for (const child of node.children ?? []) if (!child.type) walk(child);
  };
  if (structTree) walk(structTree);
  return blocks;
}

async function read(base64) {
  const data = new Uint8Array(Buffer.from(base64, 'base64'));
  const pdf = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const { info, metadata } = await pdf.getMetadata();
  const markInfo = await pdf.getMarkInfo();
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent({ disableNormalization: true });
    const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
    const structTree = await page.getStructTree();
    const marked = await page.getTextContent({ disableNormalization: true, includeMarkedContent: true });
    const blocks = taggedBlocks(structTree, marked.items);
    const ops = await page.getOperatorList();
    // Which painting happens outside any marked content, and which paths are drawn inside an Artifact.
    const stack = [];
    let unmarkedPainting = 0;
    let artifactPaths = 0;
    const artifactText = [];
    const fontNames = new Set();
    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i];
      if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) {
        stack.push(typeof args[0] === 'string' ? args[0] : args[0]?.name);
      }
      else if (fn === OPS.endMarkedContent) stack.pop();
      else if (fn === OPS.setFont) fontNames.add(args[0]);
      else if (PAINTING.has(fn)) {
        if (stack.length === 0) unmarkedPainting += 1;
        if (PATHS.has(fn) && stack.includes('Artifact')) artifactPaths += 1;
        if (fn === OPS.showText && stack.includes('Artifact')) {
          artifactText.push(args[0].map((glyph) => (glyph && typeof glyph === 'object' ? glyph.unicode : '')).join(''));
        }
      }
    });
    const fonts = [...fontNames].map((name) => {
      const font = page.commonObjs.has(name) ? page.commonObjs.get(name) : undefined;
      return { name: font?.name ?? name, missingFile: font ? Boolean(font.missingFile) : null };
    });
    pages.push({ text, structTree, blocks, unmarkedPainting, artifactPaths, artifactText, fonts });
  }
  const result = {
    numPages: pdf.numPages,
    info,
    pdfuaPart: metadata?.get('pdfuaid:part') ?? null,
    markInfo,
    pages,
  };
  await pdf.destroy();
  return result;
}

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() === '') continue;
  const { id, pdf } = JSON.parse(line);
  try {
    process.stdout.write(JSON.stringify({ id, result: await read(pdf) }) + '\n');
  } catch (error) {
    process.stdout.write(JSON.stringify({ id, error: String(error?.stack ?? error) }) + '\n');
  }
}
