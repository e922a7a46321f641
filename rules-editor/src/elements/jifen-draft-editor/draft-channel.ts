/**
 * Tells the other tabs of this browser that a draft was saved (BroadcastChannel), so that a second tab on
 * the same draft merges the save at once instead of meeting it as a conflict later.
 *
 * @example
 * const channel = draftChannel((ruleSetId, draftId, revision) => …); channel.open(); channel.post('district-sample', 'd1', 4);
 */
export function draftChannel(onSaved: (ruleSetId: string, draftId: string, revision: number) => void) {
  let channel: BroadcastChannel | undefined;
  return {
    open(): void {
      if (channel || typeof BroadcastChannel === 'undefined') return;
      channel = new BroadcastChannel('jifen-drafts');
      channel.onmessage = (event: MessageEvent<{ ruleSetId?: unknown; draftId?: unknown; revision?: unknown }>) => {
        const { ruleSetId, draftId, revision } = event.data ?? {};
        if (typeof ruleSetId === 'string' && typeof draftId === 'string' && typeof revision === 'number') onSaved(ruleSetId, draftId, revision);
      };
    },
    post(ruleSetId: string, draftId: string, revision: number): void {
      channel?.postMessage({ ruleSetId, draftId, revision });
    },
    close(): void {
      channel?.close();
      channel = undefined;
    },
  };
}
