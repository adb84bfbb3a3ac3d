/** Saves `text` as a file through a Blob URL and a temporary <a download> (nothing leaves the computer). */
export function downloadText(text: string, fileName: string, type: string, parent: Node): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  parent.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in Gecko; the URL only lives as long as the page anyway.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
