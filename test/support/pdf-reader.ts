import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface StructNode {
  readonly role?: string;
  readonly alt?: string;
  readonly lang?: string;
  readonly children?: readonly (StructNode | { readonly type: string })[];
}

export interface ReadPage {
  /** The page's text as pdfjs extracts it, lines ended with \n. */
  readonly text: string;
  readonly structTree: StructNode | null;
  /** The tagged text in structure-tree order, one block per element holding content (H1, P, LBody, TD…). */
  readonly blocks: readonly { readonly role: string; readonly text: string }[];
  /** Text and paths painted outside any marked content (neither tagged nor an artifact). */
  readonly unmarkedPainting: number;
  /** Paths drawn inside an Artifact. */
  readonly artifactPaths: number;
  /** Text shown inside an Artifact (page numbers). */
  readonly artifactText: readonly string[];
  readonly fonts: readonly { readonly name: string; readonly missingFile: boolean | null }[];
}

export interface ReadPdf {
  readonly numPages: number;
  readonly info: { readonly Title?: string; readonly Language?: string; readonly IsTaggedPDF?: boolean } & Record<string, unknown>;
  readonly pdfuaPart: string | null;
  readonly markInfo: { readonly Marked?: boolean } | null;
  readonly pages: readonly ReadPage[];
}

/**
 * pdfjs-dist in a child process (it is ESM only; Jest runs tests as CommonJS), kept alive for a test
 * file so property tests can read many PDFs quickly. Call close() in afterAll.
 */
export class PdfReader {
  private child?: ChildProcess;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve(r: ReadPdf): void; reject(e: Error): void }>();

  private start(): ChildProcess {
    const child = spawn(process.execPath, [join(__dirname, 'pdf-reader-worker.mjs')], {
      cwd: join(__dirname, '..', '..'),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const answer = JSON.parse(line) as { id: number; result?: ReadPdf; error?: string };
      const waiter = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if (answer.error !== undefined) waiter?.reject(new Error(answer.error));
      else waiter?.resolve(answer.result!);
    });
    child.on('exit', (code) => {
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`pdf reader exited (${code})`));
      this.waiting.clear();
    });
    return child;
  }

  read(pdf: Uint8Array): Promise<ReadPdf> {
    this.child ??= this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child!.stdin!.write(JSON.stringify({ id, pdf: Buffer.from(pdf).toString('base64') }) + '\n');
    });
  }

  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.stdin!.end();
    });
  }
}

/** All the text of a PDF, whitespace collapsed to single spaces. */
export function plainText(pdf: ReadPdf): string {
  return pdf.pages
    .map((page) => page.text)
    .join('\n')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The tagged blocks of the whole PDF in reading order, whitespace collapsed. */
export function taggedBlocks(pdf: ReadPdf): { role: string; text: string }[] {
  return pdf.pages.flatMap((page) => page.blocks.map((b) => ({ role: b.role, text: b.text.replace(/\s+/g, ' ').trim() })));
}

/** Every structure role in the PDF's tree, in reading order, across pages. */
export function structRoles(pdf: ReadPdf): string[] {
  const roles: string[] = [];
  const walk = (node: StructNode | { readonly type: string }): void => {
    if ('role' in node && node.role !== undefined) roles.push(node.role);
    if ('children' in node) node.children?.forEach(walk);
  };
  for (const page of pdf.pages) if (page.structTree) walk(page.structTree);
  return roles;
}

/** Every /Alt or /ActualText in the structure tree. */
export function structAlts(pdf: ReadPdf): string[] {
  const alts: string[] = [];
  const walk = (node: StructNode | { readonly type: string }): void => {
    if ('alt' in node && node.alt !== undefined) alts.push(node.alt);
    if ('children' in node) node.children?.forEach(walk);
  };
  for (const page of pdf.pages) if (page.structTree) walk(page.structTree);
  return alts;
}
