import type { zhCheckpoint } from './checkpoint.zh';

/** The audit-checkpoint panel's strings in English. */
export const enCheckpoint: typeof zhCheckpoint = {
  checkpointTitle: 'Audit checkpoints',
  checkpointHelp:
    "A checkpoint is a signed receipt of the trail's newest entry, signed with a key the database does not hold. Keep the download elsewhere; " +
    'checking against it later shows entries cut from the end, or a trail rewritten and chained again.',
  checkpointDownload: 'Download a checkpoint',
  refusedTold: (reason) => `They were told: ${reason}`,
  checkpointDownloaded: (seq, at) => `Checkpoint downloaded: entry ${seq}, ${at}.`,
  checkpointVerify: 'Check against a saved checkpoint',
  checkpointNotJson: 'The file chosen is not a checkpoint (it should be the JSON file downloaded here).',
  checkpointHolds: (seq, at) => `The checkpoint holds: the trail still contains entry ${seq} (checkpoint of ${at}) and nothing before it changed.`,
  checkpointFails: (seq) => `The checkpoint does not hold: the trail no longer contains entry ${seq} with the hash the checkpoint recorded.`,
  checkpointBadSignature: "The signature is not valid: the checkpoint was altered, or was not signed with this server's key.",
  problemKinds: { altered: 'altered', inserted: 'inserted', deleted: 'deleted', reordered: 'out of order', 'broken-link': 'broken link' },
};
