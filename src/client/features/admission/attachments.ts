import type { ApplicationAttachment } from '../../api/admission.ts';
import type { AttachmentView } from '../../api/attachments.ts';

/** An application's files in the shape the shared attachment list shows (they belong to no message). */
export function toAttachmentViews(items: ApplicationAttachment[]): AttachmentView[] {
  return items.map((a) => ({ ...a, messageId: null, staffDraft: false }));
}
