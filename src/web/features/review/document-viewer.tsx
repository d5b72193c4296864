import { Anchor, Group, Image, Loader, Paper, Stack, Text } from '@mantine/core';
import type * as PdfJsModule from 'pdfjs-dist';
import pdfJsUrl from 'pdfjs-dist/build/pdf.min.mjs?url';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { IconFile } from '../capture/icons';
import type { ItemDocument } from './review-api';

type PdfJs = typeof PdfJsModule;

let pdfJs: Promise<PdfJs> | null = null;

/**
 * pdf.js, loaded on first use from its own file: the server's CSP forbids framing documents
 * (frame-ancestors 'none', object-src 'none'), so PDF pages are drawn on canvases here.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfJs ??= (import(/* @vite-ignore */ pdfJsUrl) as Promise<PdfJs>).then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;
    return lib;
  });
  return pdfJs;
}

function PdfPages({ document: doc }: { document: ItemDocument }) {
  const holder = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    const run = { cancelled: false };
    const stopped = () => run.cancelled;
    const target = holder.current;
    if (target === null) return;
    const render = async () => {
      const lib = await loadPdfJs();
      const pdf = await lib.getDocument({ url: doc.url, isEvalSupported: false }).promise;
      const width = Math.max(320, target.clientWidth);
      for (let n = 1; n <= pdf.numPages && !run.cancelled; n += 1) {
        const page = await pdf.getPage(n);
        const natural = page.getViewport({ scale: 1 });
        const scale = (width / natural.width) * Math.min(2, window.devicePixelRatio || 1);
        const viewport = page.getViewport({ scale });
        const canvas = window.document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = '100%';
        canvas.style.display = 'block';
        canvas.style.borderRadius = '6px';
        canvas.style.boxShadow = '0 1px 3px rgba(0,0,0,.12)';
        canvas.style.background = '#fff';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', `${doc.fileName}, page ${n} of ${pdf.numPages}`);
        await page.render({ canvas, viewport }).promise;
        if (stopped()) break;
        target.appendChild(canvas);
      }
      await pdf.destroy();
      if (!run.cancelled) setState('ready');
    };
    render().catch(() => {
      if (!run.cancelled) setState('failed');
    });
    return () => {
      run.cancelled = true;
      target.replaceChildren();
    };
  }, [doc.url, doc.fileName]);

  return (
    <Stack gap="xs">
      <div ref={holder} style={{ display: 'flex', flexDirection: 'column', gap: 12 }} />
      {state === 'loading' && (
        <Group justify="center" p="xl">
          <Loader size="sm" aria-label="Loading the document" />
        </Group>
      )}
      {state === 'failed' && (
        <Text size="sm" c="dimmed" ta="center" p="md">
          This PDF could not be shown here.{' '}
          <Anchor href={doc.url} target="_blank" rel="noreferrer">
            Open the original
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}

const imageKinds = new Set(['jpeg', 'png', 'gif', 'bmp', 'webp']);

/** Every page of an item's documents, as the original shows them. */
export function DocumentViewer({ documents }: { documents: readonly ItemDocument[] }) {
  if (documents.length === 0)
    return (
      <Paper withBorder radius="md" p="xl" bg="gray.0">
        <Text size="sm" c="dimmed" ta="center">
          No document is attached to this item.
        </Text>
      </Paper>
    );
  return (
    <Stack gap="md" role="region" aria-label="Document">
      {documents.map((doc) => (
        <Stack key={`${doc.position}-${doc.sha256}`} gap={6}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Group gap={6} wrap="nowrap">
              <IconFile size={15} />
              <Text size="xs" c="dimmed" truncate>
                {doc.fileName}
                {doc.pageCount > 1 ? ` · ${doc.pageCount} pages` : ''}
              </Text>
            </Group>
            <Anchor href={doc.url} target="_blank" rel="noreferrer" size="xs">
              Open original
            </Anchor>
          </Group>
          {doc.kind === 'pdf' ? (
            <PdfPages document={doc} />
          ) : imageKinds.has(doc.kind) ? (
            <Image src={doc.url} alt={doc.fileName} radius="sm" />
          ) : (
            <Paper withBorder radius="md" p="lg" bg="gray.0">
              <Text size="sm" c="dimmed" ta="center">
                {doc.kind.toUpperCase()} documents are not shown here.{' '}
                <Anchor href={doc.url} target="_blank" rel="noreferrer">
                  Open the original
                </Anchor>
              </Text>
            </Paper>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
