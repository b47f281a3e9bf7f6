import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  cardsMap,
  coreQuestionText,
  draftDocName,
  dotsMap,
  learningsMap,
  readCardDetails,
  readCards,
  setRating,
  type Column,
  type CreateSessionResponse,
  type JoinResponse,
} from '@casusbord/shared';
import type { Config } from '../../server/src/config';
import type { TestServer } from '../helpers/server';
import { createSession, join } from '../helpers/api';
import { command, connectControl, openBoard } from '../helpers/control';
import { connectPeer, recordRefusals, synced, type Peer } from '../helpers/yjs';
import { waitFor } from '../helpers/wait';

/**
 * The write policy of board documents (shared/src/domain/writeRules.ts), tried by a modified
 * client: the official y-websocket provider with raw Yjs writes that the UI never offers. An
 * honest peer, the forger itself and the store after a restart must hold none of the forgeries;
 * the case holder and the host keep what they may do. Run on SQLite (boardRules.test.ts) and Redis.
 */
export function registerBoardRulesSuite(
  engine: string,
  start: (overrides?: Partial<Config>) => Promise<TestServer>,
): void {
  let server: TestServer;
  let s: CreateSessionResponse;
  let anna: JoinResponse; // the case holder
  let ben: JoinResponse; // honest
  let mal: JoinResponse; // writes what the UI never offers
  const peers: Peer[] = [];
  let honest: Peer;
  let forger: Peer;
  let refusals: string[];

  const peer = async (token: string) => {
    const p = connectPeer(server.wsUrl, s.docName, token);
    peers.push(p);
    await synced(p);
    return p;
  };
  const card = (id: string, column: Column, text: string, authorId: string) => ({
    id,
    column,
    text,
    authorId,
    createdAt: Date.now(),
  });
  const details = (p: Peer, id: string) => readCardDetails(p.doc).find((c) => c.id === id);
  /** Waits until the honest peer has the marker card: everything written before it was processed. */
  const barrier = async (writer: Peer, marker: string) => {
    addCard(writer.doc, card(marker, 'question', marker, writer === forger ? mal.participantId : ben.participantId));
    await waitFor(`marker ${marker}`, () => cardsMap(honest.doc).has(marker) && cardsMap(forger.doc).has(marker));
  };
  const refusedWith = (prefix: string) =>
    waitFor(`refusal ${prefix}`, () => refusals.some((r) => r.startsWith(prefix)));

  beforeAll(async () => {
    server = await start();
    s = await createSession(server.url);
    anna = await join(server.url, s.joinCode, 'Anna');
    ben = await join(server.url, s.joinCode, 'Ben');
    mal = await join(server.url, s.joinCode, 'Mal');
    const host = await connectControl(server.url, s.hostToken);
    expect((await command(host, 'host:settings', { caseHolderId: anna.participantId })).ok).toBe(true);
    host.disconnect();
    await openBoard(server.url, s.hostToken);
    honest = await peer(ben.token);
    forger = await peer(mal.token);
    refusals = recordRefusals(forger);
  });
  afterAll(async () => {
    for (const p of peers) p.destroy();
    await server.close();
  });

  describe(`${engine}: authorship`, () => {
    it("a card claiming another author is credited to its writer; an existing card's author never changes", async () => {
      addCard(forger.doc, card('forged', 'advice', 'Ben wil dit', ben.participantId));
      addCard(honest.doc, card('bens', 'advice', 'Begin klein', ben.participantId));
      await waitFor('both cards everywhere', () => Boolean(details(honest, 'forged') && details(forger, 'bens')));
      await waitFor('author corrected', () => details(honest, 'forged')?.authorId === mal.participantId);
      await waitFor('sender corrected', () => details(forger, 'forged')?.authorId === mal.participantId);
      await refusedWith('not_allowed:');

      cardsMap(forger.doc).get('bens')!.set('authorId', mal.participantId);
      await barrier(forger, 'm1');
      expect(details(honest, 'bens')?.authorId).toBe(ben.participantId);
      await waitFor('forger put back', () => details(forger, 'bens')?.authorId === ben.participantId);
    });

    it('a deleted card put back by undo keeps its author; a new text under its id does not', async () => {
      addCard(honest.doc, card('undo-me', 'question', 'Wie betaalt?', ben.participantId));
      await waitFor('card at the forger', () => Boolean(details(forger, 'undo-me')));
      const snapshot = readCards(forger.doc).find((c) => c.id === 'undo-me')!;
      cardsMap(forger.doc).delete('undo-me');
      await waitFor('deleted at the honest peer', () => !cardsMap(honest.doc).has('undo-me'));
      addCard(forger.doc, snapshot); // what the UI's undo does
      await waitFor('back', () => details(honest, 'undo-me')?.authorId === ben.participantId);

      cardsMap(forger.doc).delete('undo-me');
      await waitFor('deleted again', () => !cardsMap(honest.doc).has('undo-me'));
      addCard(forger.doc, { ...snapshot, text: 'Ben vindt het onzin' });
      await waitFor('credited to the writer', () => details(honest, 'undo-me')?.authorId === mal.participantId);
    });
  });

  describe(`${engine}: reactions, dots and learning points`, () => {
    it('only the case holder (and the host) react, only to advice, only in the reaction round', async () => {
      // Not the reaction round yet: even the case holder's reaction is undone.
      const holder = await peer(anna.token);
      cardsMap(holder.doc).get('bens')!.set('reaction', 'adopt');
      await barrier(honest, 'm2');
      await waitFor('no reaction outside the round', () => details(honest, 'bens')?.reaction === null);

      await openBoard(server.url, s.hostToken, 'reaction');
      cardsMap(holder.doc).get('bens')!.set('reaction', 'adopt');
      cardsMap(holder.doc).get('bens')!.set('reactionNote', 'Doen we');
      await waitFor('case holder reacted', () => details(honest, 'bens')?.reaction === 'adopt');

      forger.doc.transact(() => {
        cardsMap(forger.doc).get('bens')!.set('reaction', 'not-now');
        cardsMap(forger.doc).get('bens')!.set('reactionNote', 'Nee');
        cardsMap(forger.doc).get('forged')!.set('reaction', 'consider');
      });
      await barrier(forger, 'm3');
      expect(details(honest, 'bens')).toMatchObject({ reaction: 'adopt', reactionNote: 'Doen we' });
      expect(details(honest, 'forged')?.reaction).toBeNull();
      await waitFor('forger put back', () => details(forger, 'bens')?.reaction === 'adopt');

      // A question card takes no reaction, not even the case holder's.
      cardsMap(holder.doc).get('m1')!.set('reaction', 'adopt');
      await barrier(honest, 'm4');
      await waitFor('no reaction on a question', () => details(honest, 'm1')?.reaction === null);

      const host = await peer(s.hostToken);
      cardsMap(host.doc).get('forged')!.set('reaction', 'consider');
      await waitFor('host reacted', () => details(honest, 'forged')?.reaction === 'consider');
    });

    it('a person writes only their own dots and learning point', async () => {
      await openBoard(server.url, s.hostToken);
      const mine = new Y.Map<number>();
      const bens = new Y.Map<number>();
      forger.doc.transact(() => {
        dotsMap(forger.doc).set(mal.participantId, mine);
        mine.set('bens', 2);
        dotsMap(forger.doc).set(ben.participantId, bens);
        bens.set('forged', 3);
      });
      await barrier(forger, 'm5');
      expect(dotsMap(honest.doc).get(mal.participantId)?.get('bens')).toBe(2);
      expect(dotsMap(honest.doc).has(ben.participantId)).toBe(false);
      // Dots on a card that is not on the board are not kept either.
      dotsMap(forger.doc).get(mal.participantId)!.set('no-such-card', 1);
      await barrier(forger, 'm6');
      expect(dotsMap(honest.doc).get(mal.participantId)?.has('no-such-card')).toBe(false);

      // Learning points: only in the closing round, each person their own.
      learningsMap(forger.doc).set(mal.participantId, 'Te vroeg');
      await barrier(forger, 'm7');
      expect(learningsMap(honest.doc).has(mal.participantId)).toBe(false);
      await openBoard(server.url, s.hostToken, 'closing');
      learningsMap(honest.doc).set(ben.participantId, 'Vraag door');
      await waitFor('Ben wrote his', () => learningsMap(forger.doc).get(ben.participantId) === 'Vraag door');
      forger.doc.transact(() => {
        learningsMap(forger.doc).set(ben.participantId, 'Ik weet het niet');
        learningsMap(forger.doc).set(mal.participantId, 'Kleine stappen');
      });
      await barrier(forger, 'm8');
      expect(learningsMap(honest.doc).get(ben.participantId)).toBe('Vraag door');
      expect(learningsMap(honest.doc).get(mal.participantId)).toBe('Kleine stappen');
      await waitFor('forger put back', () => learningsMap(forger.doc).get(ben.participantId) === 'Vraag door');
      await refusedWith('not_allowed: each person writes only their own');
    });
  });

  describe(`${engine}: ratings of questions (Socratic intervision)`, () => {
    it('only the case holder (and the host) rate questions, in the rating round; a forged rating is undone and refused', async () => {
      const holder = await peer(anna.token);
      const host = await peer(s.hostToken);
      /** Host-written marker: once the honest peer has it, it has everything the server relayed before. */
      const hostBarrier = async (marker: string) => {
        addCard(host.doc, card(marker, 'question', marker, 'host'));
        await waitFor(`marker ${marker}`, () => cardsMap(honest.doc).has(marker));
      };
      addCard(honest.doc, card('rq', 'question', 'Wat maakte het voor jou lastig?', ben.participantId));
      await waitFor('question at the case holder', () => Boolean(details(holder, 'rq')));

      // Not the rating round yet: even the case holder's rating is undone.
      setRating(holder.doc, 'rq', 'warm');
      await waitFor('case holder put back', () => details(holder, 'rq')?.rating === null);
      await hostBarrier('r1');
      expect(details(honest, 'rq')?.rating).toBeNull();

      // The rating round as Socratic intervision has it: the board closed, the case holder rates.
      await openBoard(server.url, s.hostToken, 'rating', { openColumns: [], dots: false });
      setRating(holder.doc, 'rq', 'warm');
      await waitFor('case holder rated', () => details(honest, 'rq')?.rating === 'warm');

      forger.doc.transact(() => {
        setRating(forger.doc, 'rq', 'cold');
        setRating(forger.doc, 'm1', 'warm');
      });
      await refusedWith('not_allowed: only the case holder (or the facilitator) rates questions');
      await hostBarrier('r2');
      expect(details(honest, 'rq')?.rating).toBe('warm');
      expect(details(honest, 'm1')?.rating).toBeNull();
      await waitFor(
        'forger put back',
        () => details(forger, 'rq')?.rating === 'warm' && details(forger, 'm1')?.rating === null,
      );

      // Advice takes no rating, not even the case holder's; the host rates like the case holder.
      setRating(holder.doc, 'bens', 'warm');
      await waitFor('no rating on advice', () => details(holder, 'bens')?.rating === null);
      setRating(host.doc, 'm1', 'neutral');
      await waitFor('host rated', () => details(honest, 'm1')?.rating === 'neutral');
      await hostBarrier('r3');
      expect(details(honest, 'bens')?.rating).toBeNull();
    });
  });

  describe(`${engine}: columns follow the round`, () => {
    it('closed columns take no new card, no deletion, no edit and no move; honest edits of the same update stay', async () => {
      await openBoard(server.url, s.hostToken, undefined, { openColumns: ['question'], dots: false });
      forger.doc.transact(() => {
        addCard(forger.doc, card('closed-col', 'pitfall', 'Te weinig geld', mal.participantId));
        addCard(forger.doc, card('open-col', 'question', 'Wie beslist?', mal.participantId));
        cardsMap(forger.doc).delete('bens');
        (cardsMap(forger.doc).get('forged')!.get('text') as Y.Text).insert(0, 'NIET: ');
        cardsMap(forger.doc).get('m1')!.set('column', 'advice');
      });
      await waitFor('honest card arrived', () => Boolean(details(honest, 'open-col')));
      expect(cardsMap(honest.doc).has('closed-col')).toBe(false);
      expect(details(honest, 'bens')).toMatchObject({
        text: 'Begin klein',
        authorId: ben.participantId,
        reaction: 'adopt',
      });
      expect(details(honest, 'forged')?.text).toBe('Ben wil dit');
      expect(details(honest, 'm1')?.column).toBe('question');
      await waitFor(
        'forger put back',
        () => details(forger, 'bens')?.text === 'Begin klein' && !cardsMap(forger.doc).has('closed-col'),
      );
      await refusedWith('not_allowed: this column is closed');
      // The host writes every column whatever the round.
      const host = await peer(s.hostToken);
      addCard(host.doc, card('by-host', 'pitfall', 'Geen gedeeld doel', 'host'));
      await waitFor('host card', () => details(honest, 'by-host')?.authorId === 'host');
    });
  });

  describe(`${engine}: private drafts`, () => {
    it("a draft takes its owner's cards in the round's open columns, credited to the owner", async () => {
      await openBoard(server.url, s.hostToken, undefined, {
        openColumns: ['question'],
        privateWriting: true,
        dots: false,
      });
      const draft = connectPeer(server.wsUrl, draftDocName(s.sessionId, mal.participantId), mal.token);
      peers.push(draft);
      await synced(draft);
      const draftRefusals = recordRefusals(draft);
      addCard(draft.doc, card('draft-forged', 'question', 'Namens Ben', ben.participantId));
      addCard(draft.doc, card('draft-closed', 'pitfall', 'Dicht', mal.participantId));
      draft.doc.getMap('learnings').set(mal.participantId, 'Geen plek hier');
      await waitFor('corrected in the draft', () => details(draft, 'draft-forged')?.authorId === mal.participantId);
      await waitFor(
        'closed column and other roots removed',
        () => !cardsMap(draft.doc).has('draft-closed') && learningsMap(draft.doc).size === 0,
      );
      await waitFor('told why', () => draftRefusals.some((r) => r.startsWith('not_allowed:')));
      // A second connection to the draft (the same person's other tab) holds the corrected draft.
      const tab = connectPeer(server.wsUrl, draftDocName(s.sessionId, mal.participantId), mal.token);
      peers.push(tab);
      await synced(tab);
      expect(readCards(tab.doc).map((c) => [c.id, c.authorId])).toEqual([['draft-forged', mal.participantId]]);
      expect(learningsMap(tab.doc).size).toBe(0);
    });
  });

  describe(`${engine}: the schema`, () => {
    it('roots, value types and keys outside the schema are removed; a late joiner receives a small board', async () => {
      // As the probe did: a 900 KiB string in a root of its own (one frame holds at most 1 MiB).
      forger.doc.getArray('junk').push(['x'.repeat(900 * 1024)]);
      forger.doc.transact(() => {
        forger.doc.getMap('morejunk').set('k', 'y'.repeat(50 * 1024));
        cardsMap(forger.doc).get('m5')!.set('extra', new Y.Array());
        const c = new Y.Map<unknown>();
        c.set('column', 'question');
        c.set('text', new Y.Text('lange sleutel'));
        cardsMap(forger.doc).set('k'.repeat(500), c);
      });
      await barrier(forger, 'm9');
      await refusedWith('not_in_schema:');
      expect(honest.doc.getArray('junk').length).toBe(0);
      expect(cardsMap(honest.doc).get('m5')!.has('extra')).toBe(false);
      expect(cardsMap(honest.doc).has('k'.repeat(500))).toBe(false);
      const late = await peer(ben.token);
      const size = Y.encodeStateAsUpdate(late.doc).byteLength;
      expect(size).toBeLessThan(64 * 1024);
    });
  });

  describe(`${engine}: a listening case holder (the gossip round)`, () => {
    it("the case holder's board stays live but every write of theirs is undone and refused; the others write", async () => {
      await openBoard(server.url, s.hostToken, undefined, {
        openColumns: ['pitfall', 'opportunity', 'advice'],
        dots: false,
        caseHolderListens: true,
      });
      const holder = await peer(anna.token);
      const host = await peer(s.hostToken);
      const holderRefusals = recordRefusals(holder);
      holder.doc.transact(() => {
        addCard(holder.doc, card('holder-card', 'advice', 'Mag ik even iets zeggen?', anna.participantId));
        coreQuestionText(holder.doc).insert(0, 'Een andere kernvraag? ');
      });
      await waitFor('told why', () => holderRefusals.some((r) => r.startsWith('not_allowed:')));
      await waitFor('the case holder put back', () => !cardsMap(holder.doc).has('holder-card'));
      // What the group writes reaches the listening case holder live.
      addCard(honest.doc, card('gossip', 'pitfall', 'Ze wacht op een ja van de wethouder', ben.participantId));
      await waitFor('the gossip at the case holder', () => Boolean(details(holder, 'gossip')));
      // A host-written marker: once the honest peer has it, it has everything relayed before.
      addCard(host.doc, card('l1', 'pitfall', 'l1', 'host'));
      await waitFor('marker l1', () => cardsMap(honest.doc).has('l1'));
      expect(cardsMap(honest.doc).has('holder-card')).toBe(false);
      expect(coreQuestionText(honest.doc).toString()).not.toContain('Een andere kernvraag');
    });
  });

  describe(`${engine}: after a restart`, () => {
    it('the stored board holds none of the forgeries', async () => {
      for (const p of peers.splice(0)) p.destroy();
      await server.close();
      server = await start({ dataDir: server.dataDir });
      const fresh = await peer(ben.token);
      const cards = readCardDetails(fresh.doc);
      const byId = new Map(cards.map((c) => [c.id, c]));
      expect(byId.get('forged')).toMatchObject({
        authorId: mal.participantId,
        text: 'Ben wil dit',
        reaction: 'consider',
      });
      expect(byId.get('bens')).toMatchObject({
        authorId: ben.participantId,
        reaction: 'adopt',
        reactionNote: 'Doen we',
      });
      expect(byId.get('rq')?.rating).toBe('warm');
      expect(byId.get('m1')?.rating).toBe('neutral');
      expect(byId.get('bens')?.rating).toBeNull();
      expect(byId.has('closed-col')).toBe(false);
      expect(byId.has('holder-card')).toBe(false);
      expect(byId.get('gossip')?.authorId).toBe(ben.participantId);
      expect(byId.get('m1')?.column).toBe('question');
      expect(dotsMap(fresh.doc).has(ben.participantId)).toBe(false);
      expect(learningsMap(fresh.doc).get(ben.participantId)).toBe('Vraag door');
      expect(fresh.doc.getArray('junk').length).toBe(0);
      expect(fresh.doc.share.has('morejunk') ? fresh.doc.getMap('morejunk').size : 0).toBe(0);
    });
  });
}
