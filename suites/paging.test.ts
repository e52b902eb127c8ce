// List: the empty list, one page, MaxItems pages, NextMarker (present while
// more remain, absent on the last page), every config exactly once whatever
// the page size, items equal to Get, foreign markers. Pages are read raw, so
// "no NextMarker key" means the key, not what the SDK makes of it.
import type { FunctionFixture } from '../fixtures/provision.ts';
import { expectEqual, expectError, expectOk, expectStatus, expectThat } from './harness/expect.ts';
import type { RuleContext } from './harness/rule-context.ts';
import { conformanceSuite } from './harness/suite.ts';
import { expectJsonMembers, expectKeysAbsent, expectWireOk, listItems, wireCall, type Exchange } from './harness/wire-checks.ts';

const s = conformanceSuite('paging');

interface Page {
  x: Exchange;
  body: Record<string, unknown>;
  items: Record<string, unknown>[];
  arns: string[];
  /** The NextMarker key is there (whatever its value). */
  hasNext: boolean;
  next: unknown;
}

async function listPage(t: RuleContext, fn: FunctionFixture, query: Record<string, string> = {}): Promise<Page> {
  const x = await wireCall(t, 'ListFunctionEventInvokeConfigs', fn.arn, { query });
  const body = expectWireOk(x);
  const items = listItems(x, body);
  return { x, body, items, arns: items.map((i) => String(i.FunctionArn)), hasNext: 'NextMarker' in body, next: body.NextMarker };
}

/** A NextMarker worth following: a non-empty string. */
function expectMarker(p: Page, why: string): string {
  expectThat(typeof p.next === 'string' && p.next !== '', `${p.x.label}: ${why}: NextMarker is ${p.hasNext ? JSON.stringify(p.next) : 'absent'}`, 'a non-empty NextMarker', p.hasNext ? p.next : '(absent)');
  return p.next as string;
}

/**
 * A function with configs on $LATEST, version 1 and `aliases` aliases of
 * version 1, each with its own settings. One published version only: AWS does
 * not publish a second version of unchanged code.
 */
async function withConfigs(t: RuleContext, aliases: number): Promise<{ fn: FunctionFixture; arns: string[] }> {
  const fn = await t.fn();
  const version = await t.publish(fn);
  const qualifiers = ['$LATEST', version];
  for (let i = 0; i < aliases; i++) qualifiers.push(await t.alias(fn, version, 'pg'));
  for (const [i, q] of qualifiers.entries()) {
    expectOk(await t.put({ FunctionName: fn.name, Qualifier: q, MaximumRetryAttempts: i % 3, MaximumEventAgeInSeconds: 60 + i }));
  }
  return { fn, arns: qualifiers.map((q) => t.arn(fn, q)).sort() };
}

/** Follows NextMarker from the first page; at most `maxPages` pages (a marker that never ends fails). */
async function allPages(t: RuleContext, fn: FunctionFixture, maxPages: number, maxItems?: number): Promise<Page[]> {
  const pages: Page[] = [];
  let marker: string | undefined;
  for (;;) {
    const what = maxItems === undefined ? 'List' : `List with MaxItems=${maxItems}`;
    expectThat(pages.length < maxPages, `${what}: NextMarker still present after ${pages.length} pages`, `at most ${maxPages} pages`, `more than ${maxPages}`);
    const page = await listPage(t, fn, { ...(maxItems !== undefined ? { MaxItems: String(maxItems) } : {}), ...(marker !== undefined ? { Marker: marker } : {}) });
    pages.push(page);
    if (maxItems !== undefined) expectThat(page.items.length <= maxItems, `${page.x.label}: ${page.items.length} items on a page of MaxItems=${maxItems}`, `at most ${maxItems}`, page.items.length);
    if (!page.hasNext) return pages;
    marker = expectMarker(page, 'a page that is not the last');
  }
}

const byArn = (items: Record<string, unknown>[]) => [...items].sort((a, b) => String(a.FunctionArn).localeCompare(String(b.FunctionArn)));

s.rule('list.empty.empty-array', async (t) => {
  const fn = await t.fn();
  const fresh = await listPage(t, fn);
  expectJsonMembers(fresh.x.label, fresh.body, { FunctionEventInvokeConfigs: [] });
  // And once the only config is deleted (list_configs_postdelete).
  expectOk(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  expectStatus(await t.remove({ FunctionName: fn.name }), 204);
  const afterDelete = await listPage(t, fn);
  expectJsonMembers(afterDelete.x.label, afterDelete.body, { FunctionEventInvokeConfigs: [] });
});

s.rule('list.single.no-next-marker', async (t) => {
  const single = await t.fn();
  expectOk(await t.put({ FunctionName: single.name, MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 60 }));
  const one = await listPage(t, single);
  expectEqual(`${one.x.label} FunctionArns`, one.arns, [t.arn(single, '$LATEST')]);
  expectKeysAbsent(one.x.label, one.body, 'NextMarker');

  const { fn, arns } = await withConfigs(t, 1);
  const three = await listPage(t, fn);
  expectEqual(`${three.x.label} FunctionArns`, [...three.arns].sort(), arns);
  expectKeysAbsent(three.x.label, three.body, 'NextMarker');
});

s.rule('list.paging.max-items-limits-page', async (t) => {
  const { fn, arns } = await withConfigs(t, 1);
  for (const n of [1, 2]) {
    const page = await listPage(t, fn, { MaxItems: String(n) });
    expectThat(page.items.length <= n, `${page.x.label}: ${page.items.length} items`, `at most ${n} items`, page.items.length);
    expectMarker(page, `${arns.length - page.items.length} of ${arns.length} configs remain`);
  }
});

s.rule('list.paging.covers-each-once', async (t) => {
  const { fn, arns } = await withConfigs(t, 3); // 5 configs: 1..4 need several pages
  const full = (await allPages(t, fn, arns.length + 1)).flatMap((p) => p.items);
  expectEqual('List without MaxItems: FunctionArns', full.map((i) => String(i.FunctionArn)).sort(), arns);
  for (let n = 1; n <= 50; n++) {
    const pages = await allPages(t, fn, arns.length + 1, n);
    const seen = pages.flatMap((p) => p.items);
    const seenArns = seen.map((i) => String(i.FunctionArn));
    const twice = seenArns.filter((a, i) => seenArns.indexOf(a) !== i);
    expectThat(twice.length === 0, `MaxItems=${n}: listed more than once over ${pages.length} pages: ${twice.join(', ')}`, 'each config once', seenArns);
    expectEqual(`MaxItems=${n}: FunctionArns over ${pages.length} pages`, [...seenArns].sort(), arns);
    expectEqual(`MaxItems=${n}: items over all pages vs the unpaged List`, byArn(seen), byArn(full));
  }
});

s.rule('list.paging.last-page-no-marker', async (t) => {
  const { fn, arns } = await withConfigs(t, 1);
  // 3 configs: MaxItems 1 and 2 end on a short or full page, 3 fits exactly in one.
  for (const n of [1, 2, 3]) {
    const seen = new Set<string>();
    let marker: string | undefined;
    for (let pages = 1; ; pages++) {
      const page = await listPage(t, fn, { MaxItems: String(n), ...(marker !== undefined ? { Marker: marker } : {}) });
      page.arns.forEach((a) => seen.add(a));
      if (seen.size >= arns.length) {
        // This page holds the last config: it is the last page.
        expectKeysAbsent(`${page.x.label} (the page with the last of ${arns.length} configs)`, page.body, 'NextMarker');
        break;
      }
      marker = expectMarker(page, `${arns.length - seen.size} configs not listed yet`);
      expectThat(pages < arns.length + 1, `MaxItems=${n}: ${seen.size} of ${arns.length} configs after ${pages} pages`, 'all configs', [...seen]);
    }
  }
});

s.rule('list.paging.items-match-get', async (t) => {
  const fn = await t.fn();
  const dest = await t.fn('dest');
  const version = await t.publish(fn);
  const alias = await t.alias(fn, version);
  expectOk(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 0, DestinationConfig: { OnSuccess: { Destination: dest.arn } } }));
  expectOk(await t.put({ FunctionName: fn.name, Qualifier: version, MaximumEventAgeInSeconds: 120 }));
  expectOk(await t.put({ FunctionName: fn.name, Qualifier: alias, MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600, DestinationConfig: { OnFailure: { Destination: dest.arn } } }));
  const items = (await allPages(t, fn, 4)).flatMap((p) => p.items);
  const qualifiers = ['$LATEST', version, alias];
  expectEqual('List: FunctionArns', items.map((i) => String(i.FunctionArn)).sort(), qualifiers.map((q) => t.arn(fn, q)).sort());
  for (const q of qualifiers) {
    const got = await wireCall(t, 'GetFunctionEventInvokeConfig', fn.arn, { qualifier: q });
    const item = items.find((i) => i.FunctionArn === t.arn(fn, q));
    expectEqual(`List item for ${q} vs ${got.label}`, item, expectWireOk(got));
  }
});

s.rule('list.paging.unknown-marker-rejected', async (t) => {
  const fn = await t.fn();
  expectOk(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  for (const marker of ['lambda-conformance-never-issued', 'bGFtYmRhLWNvbmZvcm1hbmNl']) {
    expectError(await t.list({ FunctionName: fn.name, Marker: marker }), { status: 400 });
  }
});
