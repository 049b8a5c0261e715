import { ConflictError } from './errors.js';

/**
 * One shape for every status workflow (Signalen's lesson): a table from each status to the statuses it may move to.
 * `label` turns a status code into the Dutch word used in the 409 message.
 */
export interface StateMachine<S extends string> {
  readonly table: Readonly<Record<S, readonly S[]>>;
  /** The statuses reachable from `from` in one step (empty for an end status). */
  next(from: S): readonly S[];
  allows(from: S, to: S): boolean;
  /** 409 with a Dutch message unless from → to is in the table. */
  assert(from: S, to: S): void;
}

export function stateMachine<S extends string>(
  subject: string,
  table: Readonly<Record<S, readonly S[]>>,
  label: (s: S) => string = (s) => s,
): StateMachine<S> {
  const next = (from: S) => table[from] ?? [];
  return {
    table,
    next,
    allows: (from, to) => next(from).includes(to),
    assert(from, to) {
      if (!next(from).includes(to)) {
        throw new ConflictError(`${subject} met status '${label(from)}' kan niet naar '${label(to)}'.`);
      }
    },
  };
}
