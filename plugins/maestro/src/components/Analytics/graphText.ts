/** A ref without its default namespace, as the diagram labels it. */
export function shortRef(ref: string) {
  return ref.replace(/^[^:]+:(default\/)?/, '');
}

export function truncate(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
