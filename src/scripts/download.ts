/** Offers text or a file's bytes to the learner as a download named `name`, of the given MIME type. */
export function download(name: string, content: string | Blob, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  a.download = name;
  a.click();
  // Some browsers read the file after click() returns: let go of it a little later.
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
