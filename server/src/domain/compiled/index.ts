export { evaluateCompiled } from './evaluate-compiled';
export { compileRuleSet, programKey, type Program } from './program';
export { factTable, factTableBuilder, type FactTable, type FactTableBuilder } from './fact-table';
export { createBatchScorer, type BatchScorer, type BatchScores } from './scorer';
export { forEachBatch, residentTable, scorePopulation, type PopulationScores, type Resident, type ResidentTable } from './population';
export { rankScenario, rankSubjects, type RoundApplicant } from './rank-population';
export { draftImpact, draftImpactSteps, type DraftImpact, type DraftImpactOptions, type ImpactProgress, type ScenarioImpact } from './impact';
export type { Bin, Mover } from './impact-stats';
export type { PositionChange, RankingShift } from './ranking-shift';
