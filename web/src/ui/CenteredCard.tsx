import { Card, Center, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The frame of the signed-out pages: a title and a form in a card in the middle of the page. */
export function CenteredCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center component="main" id="main" mih="100dvh" p="md">
      <Card withBorder shadow="sm" w="100%" maw={420} p="xl">
        <Stack gap="md">
          <Title order={1} size="h2">
            {title}
          </Title>
          {children}
        </Stack>
      </Card>
    </Center>
  );
}
