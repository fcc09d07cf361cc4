/**
 * Which files may be attached, by extension, with the content type they are served as. Where a format has
 * a signature, the first bytes must match it, so a renamed executable or HTML page is refused. Only
 * raster images are ever shown inline; everything else downloads.
 */
interface FileKind {
  type: string;
  magic?: (head: Buffer) => boolean;
  inline?: boolean;
}

const starts =
  (...bytes: number[]) =>
  (head: Buffer) =>
    bytes.every((b, i) => head[i] === b);
const ascii =
  (text: string, offset = 0) =>
  (head: Buffer) =>
    head.subarray(offset, offset + text.length).toString('latin1') === text;
const zip = starts(0x50, 0x4b, 0x03, 0x04);
const ole = starts(0xd0, 0xcf, 0x11, 0xe0);

const KINDS: Record<string, FileKind> = {
  png: { type: 'image/png', magic: starts(0x89, 0x50, 0x4e, 0x47), inline: true },
  jpg: { type: 'image/jpeg', magic: starts(0xff, 0xd8, 0xff), inline: true },
  jpeg: { type: 'image/jpeg', magic: starts(0xff, 0xd8, 0xff), inline: true },
  gif: { type: 'image/gif', magic: ascii('GIF8'), inline: true },
  webp: { type: 'image/webp', magic: (h) => ascii('RIFF')(h) && ascii('WEBP', 8)(h), inline: true },
  pdf: { type: 'application/pdf', magic: ascii('%PDF') },
  txt: { type: 'text/plain; charset=utf-8' },
  log: { type: 'text/plain; charset=utf-8' },
  csv: { type: 'text/csv; charset=utf-8' },
  zip: { type: 'application/zip', magic: zip },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: zip },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: zip },
  pptx: { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: zip },
  doc: { type: 'application/msword', magic: ole },
  xls: { type: 'application/vnd.ms-excel', magic: ole },
  mp4: { type: 'video/mp4', magic: ascii('ftyp', 4) },
};

export function kindOf(fileName: string): FileKind | undefined {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return Object.hasOwn(KINDS, ext) ? KINDS[ext] : undefined;
}

export function matchesSignature(kind: FileKind, head: Buffer): boolean {
  return !kind.magic || kind.magic(head);
}

export const ALLOWED_EXTENSIONS = Object.keys(KINDS);

/** A file name safe to show and to put in a header: no path, no control characters, bounded length. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  // Control characters (C0 and DEL) and quotes would break a Content-Disposition header.
  const cleaned = Array.from(base)
    .filter((ch) => {
      const code = ch.charCodeAt(0);
      return code > 0x1f && code !== 0x7f && ch !== '"';
    })
    .join('')
    .trim();
  return (cleaned || 'file').slice(0, 200);
}
