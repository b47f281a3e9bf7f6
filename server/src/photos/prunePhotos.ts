import * as Y from 'yjs';
import { PLENARY_GROUP_ID, boardDocName, draftDocName, unusedPhotos } from '@casusbord/shared';
import { isCaseDay } from '../control/SessionControl';
import { copyDocInto } from '../export/loadBoards';
import type { SessionRecord, Store } from '../store/Store';
import type { DocRegistry } from '../yjs/DocRegistry';

/**
 * At the handover (issue 16): deletes the session's photos that no card on its boards or drafts
 * refers to any more (a card deleted, or its photo replaced while the upload ran), so they are not
 * kept until retention. The boards are locked by then, so no card takes a photo while this reads.
 * Returns the ids it deleted.
 */
export async function pruneUnusedPhotos(
  session: SessionRecord,
  store: Store,
  registry: DocRegistry,
): Promise<string[]> {
  const ids = await store.listPhotoIds(session.id);
  if (ids.length === 0) return [];
  const names = session.groups.map((g) => boardDocName(session.id, g.id));
  if (isCaseDay(session)) names.push(boardDocName(session.id, PLENARY_GROUP_ID));
  for (const p of await store.listParticipants(session.id)) names.push(draftDocName(session.id, p.id));
  const docs: Y.Doc[] = [];
  try {
    for (const name of names) {
      const doc = new Y.Doc();
      docs.push(doc);
      await copyDocInto(doc, name, store, registry);
    }
    const unused = unusedPhotos(ids, docs);
    for (const id of unused) await store.deletePhoto(session.id, id);
    return unused;
  } finally {
    for (const doc of docs) doc.destroy();
  }
}
