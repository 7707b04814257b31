import type { APIRoute } from 'astro';
import type { Lang } from '../../lib/types.ts';
import { mapPayload, searchIndex } from '../../view/data-files.ts';
import { boundaryFeatures, model } from '../../view/model.ts';

/** The map payload and the search index of each language: `data/map-vi.json`, `data/search-en.json`. */
export function getStaticPaths() {
  return (['vi', 'en'] as Lang[]).flatMap((lang) => [
    ...(model.map ? [{ params: { file: `map-${lang}.json` }, props: { lang, kind: 'map' } }] : []),
    { params: { file: `search-${lang}.json` }, props: { lang, kind: 'search' } },
  ]);
}

export const GET: APIRoute = ({ props }) => {
  const { lang, kind } = props as { lang: Lang; kind: 'map' | 'search' };
  const body = kind === 'map' ? mapPayload(model, boundaryFeatures(), lang) : searchIndex(model, lang);
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
