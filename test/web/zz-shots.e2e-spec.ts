import { AtlasHarness, startAtlas, TEST_API_KEY, waitForJob } from '../support/atlas-harness';
import { openSignedIn } from './knowledge-browser';
jest.setTimeout(300_000);
const G = 'C04K7Q1GN2A';
it('shots', async () => {
  const atlas: AtlasHarness = await startAtlas({ env: { ATLAS_DEMO: 'true' } });
  const { body } = await atlas.api.post('/api/sync', { channel_id: G });
  await waitForJob(atlas.api, G, body.job_id, ['completed'], 180_000);
  const { body: ents } = await atlas.api.get(`/api/graph/entities?channel_id=${G}&limit=200`);
  let best: any = null; let bestN = 0;
  for (const e of ents.entities) { const d = (await atlas.api.get(`/api/graph/entities/${e.id}`)).body; if (d.relations.length > bestN) { best = d; bestN = d.relations.length; } }
  const facts = (await atlas.api.get(`/api/channels/${G}/facts?limit=200`)).body.facts;
  const sup = facts.find((f: any) => f.superseded_by);
  const { body: idx } = await atlas.api.get(`/api/wiki/${G}`);
  const vers = [];
  for (const p of idx.pages) { const v = (await atlas.api.get(`/api/wiki/${G}/pages/${p.slug}/versions`)).body.versions; vers.push([p.slug, v.length]); }
  console.log(JSON.stringify({ bestN, sup: sup?.id, vers, types: facts.map((f: any) => f.type) }));
  for (const [name, vp] of [['desk', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
    const w = await openSignedIn(atlas.service.url!, TEST_API_KEY, vp);
    const p = w.page;
    const shot = (n: string) => p.screenshot({ path: `/tmp/kn-shots/${name}-${n}.png`, fullPage: false });
    await p.goto('/knowledge'); await p.waitForTimeout(800); await shot('home');
    await p.goto(`/knowledge/${G}/wiki`); await p.waitForTimeout(800);
    await p.locator('a.citation').first().click(); await p.waitForTimeout(300); await shot('wiki');
    await p.emulateMedia({ colorScheme: 'dark' }); await shot('wiki-dark'); await p.emulateMedia({ colorScheme: 'light' });
    await p.goto(`/knowledge/${G}/facts?type=decision`); await p.waitForTimeout(1000); await shot('facts');
    if (sup) { await p.goto(`/knowledge/${G}/facts/${sup.id}`); await p.waitForTimeout(800); await shot('chain'); }
    await p.goto(`/knowledge/entities/${best.entity.id}?channel=${G}`); await p.waitForTimeout(1500); await shot('entity');
    await p.emulateMedia({ colorScheme: 'dark' }); await p.goto(`/knowledge/entities/${best.entity.id}?channel=${G}`); await p.waitForTimeout(1500); await shot('entity-dark'); await p.emulateMedia({ colorScheme: 'light' });
    await w.close();
  }
  await atlas.close();
});
