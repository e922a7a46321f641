/**
 * Finds the control that edits a place of the document (`data-path`), through every element's shadow
 * root, waiting for each Lit element to finish rendering first. Answers the control for the path itself,
 * else the first one inside it (a title's Chinese box), else the one for the nearest place around it.
 *
 * @example
 * (await findField(main, 'indicators.3.tiers.0.points'))?.focus();
 */
export async function findField(root: Element | ShadowRoot, path: string): Promise<HTMLElement | undefined> {
  const all = await controls(root);
  const exact = all.find((el) => el.dataset.path === path);
  if (exact) return exact;
  const inside = all.find((el) => el.dataset.path?.startsWith(`${path}.`));
  if (inside) return inside;
  const parts = path.split('.');
  for (let n = parts.length - 1; n > 0; n--) {
    const around = all.find((el) => el.dataset.path === parts.slice(0, n).join('.'));
    if (around) return around;
  }
  return undefined;
}

async function controls(root: Element | ShadowRoot): Promise<HTMLElement[]> {
  const found: HTMLElement[] = [];
  const visit = async (node: Element | ShadowRoot) => {
    const done = (node as { updateComplete?: Promise<unknown> }).updateComplete;
    if (done) await done;
    const scope = node instanceof Element && node.shadowRoot ? node.shadowRoot : node;
    for (const el of scope.querySelectorAll<HTMLElement>('*')) {
      if (el.dataset.path !== undefined && el.matches('input, select, textarea, button, [tabindex]')) found.push(el);
      if (el.shadowRoot) await visit(el);
    }
  };
  await visit(root);
  return found;
}
