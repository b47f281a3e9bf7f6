import type { CardDetails, ClusterSnapshot, Column } from '@casusbord/shared';
import { useDroppable } from '@dnd-kit/core';
import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { useBoardContext } from './BoardContext';
import { Card } from './Card';
import { zoneDropId, type ZoneDrop } from './dnd';

/**
 * A drop target for cards of one column: a cluster (`clusterId`) or the loose cards (null).
 * Dropping moves the card (BoardDnd); the other keyboard route is the "Verplaats naar cluster"
 * select on each card.
 */
function DropZone({
  column,
  clusterId,
  label,
  enabled,
  className,
  testId,
  children,
}: {
  column: Column;
  clusterId: string | null;
  label: string;
  enabled: boolean;
  className: string;
  testId: string;
  children: ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({
    id: zoneDropId(column, clusterId),
    data: { kind: 'zone', column, clusterId, label } satisfies ZoneDrop,
    disabled: !enabled,
  });
  return (
    <div
      ref={setNodeRef}
      className={isOver ? `${className} drop-over` : className}
      data-testid={testId}
      data-cluster-id={clusterId ?? ''}
    >
      {children}
    </div>
  );
}

export function ClusterGroup({
  cluster,
  cards,
  column,
}: {
  cluster: ClusterSnapshot;
  cards: CardDetails[];
  column: Column;
}) {
  const t = useT();
  const ctx = useBoardContext();
  const editable = ctx.rights.writable.has(column);
  const title = cluster.title || t.board.clusterUntitled;
  const commit = (value: string) => {
    const next = value.trim();
    if (next && next !== cluster.title) ctx.actions.renameCluster(cluster.id, next);
  };
  return (
    <DropZone
      column={column}
      clusterId={cluster.id}
      label={t.board.dragZoneCluster(title)}
      enabled={editable}
      className="cluster"
      testId="cluster"
    >
      <div className="cluster-header">
        {editable ? (
          <input
            // Remounted when someone else renames it, so the field shows the new name.
            key={cluster.title}
            className="cluster-title-input"
            data-testid="cluster-title"
            aria-label={t.board.clusterRenameLabel}
            defaultValue={cluster.title}
            maxLength={120}
            onBlur={(e) => commit(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                commit(e.currentTarget.value);
              }
            }}
          />
        ) : (
          <h3 className="cluster-title" data-testid="cluster-title">
            {title}
          </h3>
        )}
        <span className="column-count" aria-hidden="true">
          {cards.length}
        </span>
        {editable && (
          <button
            type="button"
            className="icon-button"
            data-testid="cluster-remove"
            aria-label={t.board.clusterRemove(title)}
            title={t.board.clusterRemove(title)}
            onClick={() => ctx.actions.removeCluster(cluster.id)}
          >
            ×
          </button>
        )}
      </div>
      {cards.length === 0 ? (
        editable && <p className="cluster-empty">{t.board.clusterEmpty}</p>
      ) : (
        <ul className="card-list nested" aria-label={title}>
          {cards.map((card) => (
            <Card key={card.id} card={card} />
          ))}
        </ul>
      )}
    </DropZone>
  );
}

/** The cards of a column that are in no cluster; also the place to drop a card out of its cluster. */
export function LooseCards({
  column,
  cards,
  showHeading,
  children,
}: {
  column: Column;
  cards: CardDetails[];
  showHeading: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  const ctx = useBoardContext();
  const editable = ctx.rights.writable.has(column);
  return (
    <DropZone
      column={column}
      clusterId={null}
      label={t.board.dragZoneLoose}
      enabled={editable}
      className="loose-cards"
      testId="loose-cards"
    >
      {showHeading && <h3 className="loose-heading label">{t.board.looseHeading}</h3>}
      {(cards.length > 0 || children) && (
        <ul className="card-list">
          {cards.map((card) => (
            <Card key={card.id} card={card} />
          ))}
          {children}
        </ul>
      )}
    </DropZone>
  );
}
