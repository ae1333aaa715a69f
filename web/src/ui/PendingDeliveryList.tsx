import { Anchor, List } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { postPath } from '../app/links';
import { useFormatInstant } from '../app/zone';

export interface PendingDeliveryItem {
  targetId: string;
  postId: string;
  title: string | null;
  excerpt: string;
  scheduledAt: string | null;
}

/** The deliveries an action would cancel (as the API listed them), each linking to its post. */
export function PendingDeliveryList({
  workspace,
  deliveries,
  untitled,
}: {
  workspace: string;
  deliveries: PendingDeliveryItem[];
  untitled: string;
}) {
  const format = useFormatInstant();
  if (deliveries.length === 0) return null;
  return (
    <List size="sm" spacing={4} data-testid="pending-deliveries">
      {deliveries.map((d) => (
        <List.Item key={d.targetId}>
          <Anchor component={Link} to={postPath(workspace, d.postId)}>
            {d.title || d.excerpt.slice(0, 60) || untitled}
          </Anchor>
          {d.scheduledAt ? ` · ${format(d.scheduledAt)}` : ''}
        </List.Item>
      ))}
    </List>
  );
}
