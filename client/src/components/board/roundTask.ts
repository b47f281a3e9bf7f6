import { COLUMNS, type BoardRights } from '@casusbord/shared';
import type { Messages } from '../../i18n';

/**
 * What this participant is expected to do now, in one sentence ("Jij nu: …"), from the rights the
 * round gives them. Null for the host and outside an open round (the banner's hint says why).
 */
export function roundTask(t: Messages, rights: BoardRights, participant: boolean): string | null {
  if (!participant || rights.phase !== 'open') return null;
  const task = t.board.task;
  const columns = COLUMNS.filter((c) => rights.writable.has(c)).map((c) => t.columnTitles[c].toLowerCase());
  const list = columns.length > 1 ? `${columns.slice(0, -1).join(', ')} ${task.and} ${columns.at(-1)}` : columns[0];
  if (rights.listening) return t.rating.listening;
  if (rights.canReact) return task.react;
  if (rights.canRate) return t.rating.task;
  if (rights.round?.kind === 'core-question' && rights.isCaseHolder) return task.coreQuestion;
  if (rights.canWriteLearning) return task.learning;
  if (rights.canReview) return t.bookClub.task;
  if (rights.canDotFromTo) return t.fromTo.task;
  if (list && rights.privateDrafts) return task.writePrivate(list);
  if (list && rights.dotColumns.size > 0) return task.writeAndDot(list);
  if (list) return task.write(list);
  if (rights.dotColumns.size > 0) return task.dot;
  return task.listen;
}
