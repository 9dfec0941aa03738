import type { Charter } from '../../domain/charter/charter';
import type { Problem } from '../../domain/charter/review';

/**
 * What the editor gives each of its steps: the charter being edited and its current problems. In a
 * module of its own so that the steps need not import the editor that imports them.
 */
export type StepProps = { charter: Charter; problems: Problem[] };
