/*
 * Downloads that need more than a plain link (see `apiPath`): the file is fetched through the client, so
 * a refusal (403, 409, 422) comes back as a problem the page can show instead of a page of JSON, and is
 * then handed to the browser to save. The file sits in memory meanwhile, which suits exports capped at a
 * few megabytes; unbounded files stay plain links.
 */

/** The file name a `Content-Disposition` header gives (RFC 6266, `filename*` first), or the fallback. */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: the plain filename parameter, if there is one, still serves.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/.exec(header);
  return plain?.[1] || plain?.[2] || fallback;
}

/** Hands a fetched file to the browser's download, under the given name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; the address is released once the browser has it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
