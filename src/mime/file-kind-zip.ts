import { listZipEntries, readZipEntry } from './archive-zip.ts';
import type { DetectedType } from './types.ts';

/**
 * What a zip really is (Office document, Java archive, OpenDocument, plain zip), from its
 * central directory and `[Content_Types].xml`. Done here rather than by `file-type`, which
 * walks the whole archive and costs tens of milliseconds on an ordinary presentation.
 */

/** Main-part content types of OOXML packages, most specific first. */
const OOXML_MAIN: [string, DetectedType][] = [
  ['ms-word.document.macroenabled.main', { ext: 'docm', mime: 'application/vnd.ms-word.document.macroenabled.12' }],
  ['ms-word.template.macroenabledtemplate.main', { ext: 'dotm', mime: 'application/vnd.ms-word.template.macroenabled.12' }],
  ['wordprocessingml.document.main', { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }],
  ['wordprocessingml.template.main', { ext: 'dotx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.template' }],
  ['ms-excel.sheet.macroenabled.main', { ext: 'xlsm', mime: 'application/vnd.ms-excel.sheet.macroenabled.12' }],
  ['ms-excel.sheet.binary.macroenabled.main', { ext: 'xlsb', mime: 'application/vnd.ms-excel.sheet.binary.macroenabled.12' }],
  ['ms-excel.template.macroenabled.main', { ext: 'xltm', mime: 'application/vnd.ms-excel.template.macroenabled.12' }],
  ['ms-excel.addin.macroenabled.main', { ext: 'xlam', mime: 'application/vnd.ms-excel.addin.macroenabled.12' }],
  ['spreadsheetml.sheet.main', { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }],
  ['spreadsheetml.template.main', { ext: 'xltx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.template' }],
  ['ms-powerpoint.presentation.macroenabled.main', { ext: 'pptm', mime: 'application/vnd.ms-powerpoint.presentation.macroenabled.12' }],
  ['ms-powerpoint.slideshow.macroenabled.main', { ext: 'ppsm', mime: 'application/vnd.ms-powerpoint.slideshow.macroenabled.12' }],
  ['ms-powerpoint.template.macroenabled.main', { ext: 'potm', mime: 'application/vnd.ms-powerpoint.template.macroenabled.12' }],
  ['presentationml.presentation.main', { ext: 'pptx', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' }],
  ['presentationml.slideshow.main', { ext: 'ppsx', mime: 'application/vnd.openxmlformats-officedocument.presentationml.slideshow' }],
  ['presentationml.template.main', { ext: 'potx', mime: 'application/vnd.openxmlformats-officedocument.presentationml.template' }],
  ['ms-visio.drawing.main', { ext: 'vsdx', mime: 'application/vnd.visio' }],
];

/** By top-level folder when [Content_Types].xml is missing or unreadable. */
const OOXML_FOLDERS: [string, DetectedType][] = [
  ['word/', OOXML_MAIN[2][1]],
  ['xl/', OOXML_MAIN[8][1]],
  ['ppt/', OOXML_MAIN[13][1]],
];

const OPEN_DOCUMENT: Record<string, DetectedType> = {
  'application/vnd.oasis.opendocument.text': { ext: 'odt', mime: 'application/vnd.oasis.opendocument.text' },
  'application/vnd.oasis.opendocument.spreadsheet': { ext: 'ods', mime: 'application/vnd.oasis.opendocument.spreadsheet' },
  'application/vnd.oasis.opendocument.presentation': { ext: 'odp', mime: 'application/vnd.oasis.opendocument.presentation' },
  'application/epub+zip': { ext: 'epub', mime: 'application/epub+zip' },
};

export const ZIP: DetectedType = { ext: 'zip', mime: 'application/zip' };

/** The zip's real kind, or undefined when there is no readable central directory (then let file-type try). */
export function zipKind(bytes: Uint8Array): DetectedType | undefined {
  const entries = listZipEntries(bytes, 10_000);
  if (!entries) return undefined;
  const byName = new Map(entries.map((e) => [e.name, e]));
  const contentTypes = byName.get('[Content_Types].xml');
  if (contentTypes) {
    const xml = readZipEntry(bytes, contentTypes, 512 * 1024);
    const text = xml ? Buffer.from(xml.data).toString('latin1').toLowerCase() : '';
    for (const [marker, type] of OOXML_MAIN) if (text.includes(marker)) return type;
    for (const [folder, type] of OOXML_FOLDERS) if (entries.some((e) => e.name.startsWith(folder))) return type;
  }
  const mimetype = byName.get('mimetype');
  if (mimetype) {
    const declared = readZipEntry(bytes, mimetype, 256);
    const name = declared ? Buffer.from(declared.data).toString('latin1').trim() : '';
    if (Object.hasOwn(OPEN_DOCUMENT, name)) return OPEN_DOCUMENT[name];
  }
  if (byName.has('AndroidManifest.xml') && byName.has('classes.dex'))
    return { ext: 'apk', mime: 'application/vnd.android.package-archive' };
  if (byName.has('META-INF/MANIFEST.MF') && entries.some((e) => e.name.endsWith('.class')))
    return { ext: 'jar', mime: 'application/java-archive' };
  return ZIP;
}
