/** The audit-checkpoint panel's strings in Chinese. */
export const zhCheckpoint = {
  checkpointTitle: '审计检查点',
  checkpointHelp: '检查点是记录链当前末条记录的签名凭证，签名密钥不在数据库中。下载后请另行保存；日后用它核对，可发现被截去的末尾记录或被改写后重新串联的记录链。',
  checkpointDownload: '下载检查点',
  checkpointDownloaded: (seq: number, at: string) => `已下载检查点：第 ${seq} 条记录，${at}。`,
  checkpointVerify: '用已保存的检查点核对',
  checkpointNotJson: '所选文件不是检查点（应为下载的 JSON 文件）。',
  checkpointHolds: (seq: number, at: string) => `检查点成立：记录链仍包含第 ${seq} 条记录（检查点时间 ${at}），此前的记录均未被改动。`,
  checkpointFails: (seq: number) => `检查点不成立：记录链已不再包含检查点所记的第 ${seq} 条记录及其哈希。`,
  checkpointBadSignature: '签名无效：检查点被改动过，或不是用本服务器的密钥签发的。',
  /** A decision refused for four eyes, in the trail: what the person who tried was told. */
  refusedTold: (reason: string) => `当时的答复：${reason}`,
  /** How the chain was broken at one entry, as the verification names it. */
  problemKinds: { altered: '被改动', inserted: '被插入', deleted: '被删除', reordered: '顺序被打乱', 'broken-link': '断链' } as Record<string, string>,
};
