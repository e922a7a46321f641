import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { JifenError, type FieldError } from '../../domain/errors';
import type { EvidenceMeta } from '../../domain/residents/self-application';
import type { EvidenceFile } from './self-applications';

/** Largest evidence file accepted, and most files per application. */
export const EVIDENCE_MAX_FILE_BYTES = 5 * 1024 * 1024;
export const EVIDENCE_MAX_FILES = 5;

const ACCEPTED: Record<string, { mediaType: EvidenceMeta['mediaType']; extensions: string[]; label: string }> = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  jpg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  png: { mediaType: 'image/png', extensions: ['png'], label: 'PNG' },
};

/**
 * Checks uploaded evidence by its content, never by its name or declared type: each file must be a PDF,
 * JPEG or PNG by its leading bytes (file-type), at most 5 MB, and a file whose name ends in another
 * type's extension is refused as mislabelled. Every problem is reported by its field (`files.1`).
 *
 * @example
 * const files = await readEvidence(form.getAll('files').filter((f) => f instanceof File));
 */
export async function readEvidence(files: readonly File[]): Promise<EvidenceFile[]> {
  if (files.length > EVIDENCE_MAX_FILES) {
    throw new JifenError('validation_failed', { en: `Evidence: at most ${EVIDENCE_MAX_FILES} files`, zh: `最多上传 ${EVIDENCE_MAX_FILES} 个文件` }, [{ path: 'files', message: `at most ${EVIDENCE_MAX_FILES} files` }]);
  }
  const problems: FieldError[] = [];
  const out: EvidenceFile[] = [];
  for (const [i, file] of files.entries()) {
    const path = `files.${i}`;
    if (file.size > EVIDENCE_MAX_FILE_BYTES) {
      problems.push({ path, message: `${file.name} is larger than 5 MB` });
      continue;
    }
    if (file.size === 0) {
      problems.push({ path, message: `${file.name} is empty` });
      continue;
    }
    const content = new Uint8Array(await file.arrayBuffer());
    const detected = await fileTypeFromBuffer(content);
    const kind = detected ? ACCEPTED[detected.ext] : undefined;
    if (!kind) {
      problems.push({ path, message: `${file.name} is not a PDF, JPEG or PNG file by its content${detected ? ` (it is ${detected.mime})` : ''}` });
      continue;
    }
    const extension = /\.([A-Za-z0-9]{1,8})$/.exec(file.name)?.[1]?.toLowerCase();
    if (extension && !kind.extensions.includes(extension)) {
      problems.push({ path, message: `${file.name} is named .${extension} but its content is ${kind.label}` });
      continue;
    }
    out.push({
      id: `ev-${randomUUID()}`,
      name: file.name.slice(0, 200) || `evidence.${kind.extensions[0]}`,
      mediaType: kind.mediaType,
      size: content.byteLength,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    });
  }
  if (problems.length > 0) throw new JifenError('validation_failed', { en: 'Evidence: refused files', zh: '有的文件不能接收，请按提示修改' }, problems);
  return out;
}
