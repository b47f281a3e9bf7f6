import {
  addCluster,
  cardsMap,
  changeDots as changeOwnDots,
  clustersMap,
  learningsMap,
  readCluster,
  removeCluster,
  setCardCluster,
  setRating,
  setReaction,
  type Column,
  type Rating,
  type Reaction,
  type BoardRights,
} from '@casusbord/shared';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { messagesFor } from '../i18n';
import { describeError } from '../i18n/errors';
import { promoteCard } from '../net/activeBoard';
import { uiStore } from '../stores/uiStore';
import { addCardTo, newCardId, removeCard } from './actions';

/** Short confirmations; errors and undo offers keep the default (longer) time. */
const CONFIRM_MS = 3000;

function t() {
  return messagesFor(uiStore.getState().locale);
}

function confirm(message: string): void {
  uiStore.getState().pushToast({ message, timeoutMs: CONFIRM_MS });
}

/** A user-facing sentence for a failed control event: board-specific wording first. */
export function ackErrorMessage(error: { code: string; message: string }): string {
  const messages = t();
  return messages.board.errors[error.code] ?? describeError(messages, error);
}

/** Writes (or, when empty, removes) a person's one learning point; each writes only their own entry. */
export function saveLearningPoint(doc: Y.Doc, participantId: string, text: string): void {
  const map = learningsMap(doc);
  if (text.trim()) map.set(participantId, text.trim());
  else map.delete(participantId);
  confirm(t().board.learningSaved);
}

export interface BoardActions {
  addCard: (column: Column, text: string) => void;
  deleteCard: (id: string, draft: boolean) => void;
  changeDots: (cardId: string, delta: 1 | -1) => void;
  createCluster: (column: Column, title: string) => void;
  renameCluster: (id: string, title: string) => void;
  removeCluster: (id: string) => void;
  moveToCluster: (cardId: string, clusterId: string | null) => void;
  react: (cardId: string, reaction: Reaction | null, note?: string) => void;
  /** The case holder's warm / neutral / cold on a question (null clears it). */
  rate: (cardId: string, rating: Rating | null) => void;
  saveLearning: (text: string) => void;
  promote: (cardId: string) => void;
}

/** What the actions write to and as whom; a component that offers board actions takes these props. */
export interface ActionDeps {
  doc: Y.Doc;
  draftDoc: Y.Doc | null;
  rights: BoardRights;
  authorId: string;
  participantId: string | null;
  budget: number;
  /** The table whose board `doc` is; null for the plenary board. */
  groupId: string | null;
}

/**
 * Every change a person makes on a board, each with a toast, so nothing happens silently.
 * Private rounds route new cards to the draft document only; when it is not open, the card
 * is refused rather than written to the shared board.
 */
export function useBoardActions({
  doc,
  draftDoc,
  rights,
  authorId,
  participantId,
  budget,
  groupId,
}: ActionDeps): BoardActions {
  const privateDrafts = rights.privateDrafts;
  return useMemo(
    () => ({
      addCard: (column, text) => {
        if (privateDrafts) {
          if (!draftDoc) {
            uiStore.getState().pushToast({ message: t().board.draftsFailed });
            return;
          }
          addCardTo(draftDoc, column, text, authorId);
          confirm(t().board.draftAdded);
          return;
        }
        addCardTo(doc, column, text, authorId);
        confirm(t().board.cardAdded);
      },
      deleteCard: (id, draft) => {
        const target = draft ? draftDoc : doc;
        const restore = target ? removeCard(target, id) : null;
        const messages = t();
        if (restore)
          uiStore
            .getState()
            .pushToast({ message: messages.cardDeleted, action: { label: messages.undo, run: restore } });
      },
      changeDots: (cardId, delta) => {
        if (!participantId) return;
        if (!changeOwnDots(doc, participantId, cardId, delta, budget) && delta > 0) confirm(t().board.dotsUsedUp);
      },
      createCluster: (column, title) => {
        addCluster(doc, { id: newCardId(), title, column, createdAt: Date.now() });
        confirm(t().board.clusterCreated(title));
      },
      renameCluster: (id, title) => {
        clustersMap(doc).get(id)?.set('title', title);
      },
      removeCluster: (id) => {
        const snapshot = readCluster(doc, id);
        if (!snapshot) return;
        const members: string[] = [];
        cardsMap(doc).forEach((card, cardId) => {
          if (card.get('clusterId') === id) members.push(cardId);
        });
        removeCluster(doc, id);
        const messages = t();
        uiStore.getState().pushToast({
          message: messages.board.clusterRemoved,
          action: {
            label: messages.undo,
            run: () =>
              doc.transact(() => {
                addCluster(doc, snapshot);
                for (const cardId of members) setCardCluster(doc, cardId, id);
              }),
          },
        });
      },
      moveToCluster: (cardId, clusterId) => {
        // Dropping a card where it already is changes nothing, so it says nothing either.
        const current = cardsMap(doc).get(cardId)?.get('clusterId') ?? null;
        if (current === clusterId) return;
        setCardCluster(doc, cardId, clusterId);
        const title = clusterId ? String(clustersMap(doc).get(clusterId)?.get('title') ?? '') : '';
        confirm(clusterId ? t().board.clusterMoved(title || t().board.clusterUntitled) : t().board.clusterReleased);
      },
      react: (cardId, reaction, note) => {
        setReaction(doc, cardId, reaction, note);
        confirm(t().board.reactionSaved);
      },
      rate: (cardId, rating) => {
        setRating(doc, cardId, rating);
        confirm(rating ? t().rating.saved : t().rating.cleared);
      },
      saveLearning: (text) => {
        if (participantId) saveLearningPoint(doc, participantId, text);
      },
      promote: (cardId) => {
        if (!groupId) return;
        void promoteCard(groupId, cardId).then((res) => {
          if (res.ok) confirm(t().board.promoteDone);
          else uiStore.getState().pushToast({ message: ackErrorMessage(res.error) });
        });
      },
    }),
    [doc, draftDoc, privateDrafts, authorId, participantId, budget, groupId],
  );
}
