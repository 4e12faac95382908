/** Offers text to the learner as a file download. */
export function download(name: string, text: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  // Some browsers read the file after click() returns: let go of it a little later.
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
