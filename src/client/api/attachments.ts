import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, errorFromAnswer, writeHeaders } from './client.ts';

/** A file on a request (GET /api/v1/tickets/:id/attachments, or the portal's equivalent). */
export interface AttachmentView {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
  /** The message it was sent with; null while not yet sent (or uploaded with the request itself). */
  messageId: number | null;
  /** Uploaded by staff and not sent yet: someone's draft, not part of the customer's request. */
  staffDraft: boolean;
  isImage: boolean;
  /** Where to download or (images) show it, for the signed-in staff member or customer. */
  url: string;
  createdAt: string;
}

export interface UploadTask<T = AttachmentView> {
  promise: Promise<T>;
  abort: () => void;
}

/**
 * Uploads one file as multipart/form-data with the CSRF header. XMLHttpRequest rather than fetch: only
 * it reports upload progress. A refusal becomes the same localised ApiError the JSON helpers throw.
 * `fields` go before the file (the server reads only fields that precede it); `T` is the answer's shape.
 */
export function uploadFile<T = AttachmentView>(
  url: string,
  file: File,
  options: {
    csrf?: () => string | null;
    onProgress?: (percent: number) => void;
    fields?: Record<string, string>;
  } = {},
): UploadTask<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(writeHeaders(options.csrf))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && options.onProgress) {
        options.onProgress(Math.round((event.loaded / event.total) * 100));
      }
    };
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) return reject(errorFromAnswer(xhr.status, xhr.responseText));
      try {
        resolve(JSON.parse(xhr.responseText) as T);
      } catch {
        reject(errorFromAnswer(xhr.status, ''));
      }
    };
    xhr.onerror = () => reject(errorFromAnswer(0, ''));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    const form = new FormData();
    for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

const attachmentsKey = (ticketId: number) => ['tickets', 'attachments', ticketId] as const;

/** The request's files, for the conversation (grouped by message there). Keys start with 'tickets'. */
export function useTicketAttachments(ticketId: number) {
  return useQuery({
    queryKey: attachmentsKey(ticketId),
    queryFn: ({ signal }) =>
      api.get<AttachmentView[]>(`/api/v1/tickets/${ticketId}/attachments`, undefined, signal),
  });
}

export function useInvalidateTicketAttachments(ticketId: number) {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: attachmentsKey(ticketId) });
}

/** A staff member's upload to a request (needs ticket.update). */
export function uploadTicketAttachment(ticketId: number, file: File, onProgress?: (percent: number) => void) {
  return uploadFile(`/api/v1/tickets/${ticketId}/attachments`, file, onProgress ? { onProgress } : {});
}

/** Takes an unsent file of one's own off the request again. */
export function removeTicketAttachment(attachmentId: number) {
  return api.delete<void>(`/api/v1/attachments/${attachmentId}`);
}

/** The largest file the server accepts, in megabytes. */
export function useAttachmentSettings() {
  return useQuery({
    queryKey: ['attachment-settings'],
    queryFn: ({ signal }) =>
      api.get<{ maxMegabytes: number }>('/api/v1/attachment-settings', undefined, signal),
    staleTime: 10 * 60_000,
  });
}

/** 512 B, 1.2 KB, 3.4 MB: sizes in the units people read. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
