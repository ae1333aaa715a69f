import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import type { components } from './schema';

/** A library item as the API answers it (signed URLs, pixels, metadata, where it is used). */
export type MediaItem = components['schemas']['Media'];

/** The kinds of file the API takes (its upload route's content types). */
export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4'] as const;

const path = (workspace: string) => ({ path: { workspace } });

/** The library, newest first; `q` finds words in the alt text or an exact tag, `tag` filters. */
export const useMediaLibrary = (workspace: string, search: { q?: string; tag?: string } = {}) =>
  useQuery({
    queryKey: ['media', workspace, search],
    queryFn: () =>
      call<MediaItem[]>(
        api.GET('/workspaces/{workspace}/media', {
          params: { ...path(workspace), query: { q: search.q || undefined, tag: search.tag || undefined, limit: 200 } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

/** Alt text and/or tags; every library list is read again. */
export function useUpdateMedia(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ mediaId, ...body }: { mediaId: string; altText?: string | null; tags?: string[] }) =>
      call<MediaItem>(
        api.PATCH('/workspaces/{workspace}/media/{mediaId}', { params: { path: { workspace, mediaId } }, body }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['media', workspace] }),
  });
}

/** The composer's alt text box: the same route, alt text only. */
export const useSetAltText = useUpdateMedia;

/** Deletion; the API refuses (409 media_in_use, with a message to show) while an approved post needs it. */
export function useDeleteMedia(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (mediaId: string) =>
      call<unknown>(
        api.DELETE('/workspaces/{workspace}/media/{mediaId}', { params: { path: { workspace, mediaId } } }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['media', workspace] }),
  });
}

/** Sends the file's bytes as the body (the API streams them to storage), with its own content type. */
export function useUploadMedia(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, altText }: { file: File; altText?: string }) =>
      call<MediaItem>(
        api.POST('/workspaces/{workspace}/media', {
          params: { ...path(workspace), query: altText?.trim() ? { alt: altText.trim() } : undefined },
          body: file as unknown as string,
          bodySerializer: (body: unknown) => body as File,
          headers: { 'Content-Type': file.type },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['media', workspace] }),
  });
}
