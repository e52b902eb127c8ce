// List: the empty list, one page, MaxItems pages, NextMarker (present while
// more remain, absent on the last page), every config exactly once whatever
// the page size, items equal to Get, foreign markers. Pages are read raw, so
// "no NextMarker key" means the key, not what the SDK makes of it.
//
// Each rule judges paging only. Whether the List shows every qualifier's
// config is qualifier.list-covers-all-qualifiers' concern and the form of
// FunctionArn response.function-arn.qualified's: the paging rules compare the
// pages with the target's own unpaged List, tell items apart by their content
// (each config of a fixture has its own settings), and are blocked, not failed,
// when the target does not hold the configs paging needs.
import type { FunctionFixture } from '../fixtures/provision.ts';
import { blockedBy, expectEqual, expectThat, given } from './harness/expect.ts';
import { mismatch, RuleFailure } from './harness/outcomes.ts';
import type { RuleContext } from './harness/rule-context.ts';
import { conformanceSuite } from './harness/suite.ts';
import { expectJsonMembers, expectKeysAbsent, expectWireOk, givenWire, listItems, on, wireCall, type Exchange } from './harness/wire-checks.ts';

const s = conformanceSuite('paging');

/** The rule that judges whether a List shows every config of a function. */
const COVERAGE = 'qualifier.list-covers-all-qualifiers';

interface Page {
  x: Exchange;
  body: Record<string, unknown>;
  items: Record<string, unknown>[];
  /** Each item told apart by its content (LastModified aside). */
  keys: string[];
  /** The NextMarker key is there (whatever its value). */
  hasNext: boolean;
  next: unknown;
}

/** An item's identity: its members, LastModified aside, in a stable order. */
const keyOf = (item: Record<string, unknown>) =>
  JSON.stringify(
    Object.keys(item)
      .filter((k) => k !== 'LastModified')
      .sort()
      .map((k) => [k, item[k]]),
  );

async function listPage(t: RuleContext, fn: FunctionFixture, query: Record<string, string> = {}): Promise<Page> {
  const x = await wireCall(t, 'ListFunctionEventInvokeConfigs', fn.arn, { query });
  const body = expectWireOk(x);
  const items = listItems(x, body);
  return { x, body, items, keys: items.map(keyOf), hasNext: 'NextMarker' in body, next: body.NextMarker };
}

/** A NextMarker worth following: a non-empty string. */
function expectMarker(p: Page, why: string): string {
  expectThat(
    typeof p.next === 'string' && p.next !== '',
    `${p.x.label}: ${why}: NextMarker is ${p.hasNext ? JSON.stringify(p.next) : 'absent'}`,
    'a non-empty NextMarker',
    p.hasNext ? p.next : '(absent)',
    on(p.x, 'body.NextMarker'),
  );
  return p.next as string;
}

/**
 * A function with configs on $LATEST, version 1 and `aliases` aliases of
 * version 1, each with its own settings (so that no two items look alike).
 * One published version only: AWS does not publish a second version of
 * unchanged code. Set-up: any failure blocks the rule.
 */
async function withConfigs(t: RuleContext, aliases: number): Promise<{ fn: FunctionFixture; count: number }> {
  const fn = await t.fn();
  const version = await t.publish(fn);
  const qualifiers = ['$LATEST', version];
  for (let i = 0; i < aliases; i++) qualifiers.push(await t.alias(fn, version, 'pg'));
  for (const [i, q] of qualifiers.entries()) {
    given(await t.put({ FunctionName: fn.name, Qualifier: q, MaximumRetryAttempts: i % 3, MaximumEventAgeInSeconds: 60 + i }));
  }
  return { fn, count: qualifiers.length };
}

/** Follows NextMarker from the first page; at most `maxPages` pages (a marker that never ends fails). */
async function allPages(t: RuleContext, fn: FunctionFixture, maxPages: number, maxItems?: number): Promise<Page[]> {
  const pages: Page[] = [];
  let marker: string | undefined;
  for (;;) {
    const what = maxItems === undefined ? 'List' : `List with MaxItems=${maxItems}`;
    const last = pages.at(-1);
    expectThat(
      pages.length < maxPages,
      `${what}: NextMarker still present after ${pages.length} pages`,
      `at most ${maxPages} pages`,
      `more than ${maxPages}`,
      last ? on(last.x, 'number of pages') : undefined,
    );
    const page = await listPage(t, fn, {
      ...(maxItems !== undefined ? { MaxItems: String(maxItems) } : {}),
      ...(marker !== undefined ? { Marker: marker } : {}),
    });
    pages.push(page);
    if (maxItems !== undefined)
      expectThat(
        page.items.length <= maxItems,
        `${page.x.label}: ${page.items.length} items on a page of MaxItems=${maxItems}`,
        `at most ${maxItems}`,
        page.items.length,
        on(page.x, 'number of items on a page'),
      );
    if (!page.hasNext) return pages;
    marker = expectMarker(page, 'a page that is not the last');
  }
}

/**
 * The target's own unpaged List holds `count` distinct configs: what paging
 * needs. Its NextMarkers are followed while they are non-empty strings (what a
 * marker is, and where it must be absent, is what the rules judge). Otherwise
 * the rule is blocked by the List's coverage (or, when even the unpaged List
 * does not end, by paging itself).
 */
async function precondition(t: RuleContext, fn: FunctionFixture, count: number): Promise<Page[]> {
  const pages: Page[] = [];
  for (let marker: string | undefined; ; ) {
    const page = await listPage(t, fn, marker !== undefined ? { Marker: marker } : {});
    pages.push(page);
    if (typeof page.next !== 'string' || page.next === '') break;
    if (pages.length > count)
      throw blockedBy(mismatch(on(page.x, 'number of pages'), `at most ${count + 1} pages`, `more than ${count + 1}`), 'list.paging.covers-each-once');
    marker = page.next;
  }
  const distinct = new Set(pages.flatMap((p) => p.keys)).size;
  if (distinct !== count) throw blockedBy(countMismatch(pages[0]!.x, count, distinct), COVERAGE);
  return pages;
}

/** Fewer (or more) configs than the fixture holds, said so that the root cause reads "fewer items than expected". */
function countMismatch(x: Exchange, expected: number, actual: number): RuleFailure {
  const where = on(x, 'number of configs listed');
  return new RuleFailure(
    `${where.request} ${where.field}: Received: ${actual} / Expected: ${expected}`,
    Array<string>(expected).fill('a config'),
    Array<string>(actual).fill('a config'),
    { field: where.field },
    where,
  );
}

s.rule('list.empty.empty-array', async (t) => {
  const fn = await t.fn();
  // Another function holds a config: an empty List is the function's, not the account's.
  const other = await t.fn('other');
  given(await t.put({ FunctionName: other.name, MaximumRetryAttempts: 1 }));
  const fresh = await listPage(t, fn);
  expectJsonMembers(on(fresh.x, 'body'), fresh.body, { FunctionEventInvokeConfigs: [] });
  // And once the only config is deleted (list_configs_postdelete).
  given(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  given(await t.remove({ FunctionName: fn.name }), 204);
  const afterDelete = await listPage(t, fn);
  expectJsonMembers(on(afterDelete.x, 'body after the Delete'), afterDelete.body, { FunctionEventInvokeConfigs: [] });
});

s.rule('list.single.no-next-marker', async (t) => {
  // Only the NextMarker key is judged: how many items the List shows, and
  // their FunctionArns, are other rules' concern.
  const single = await t.fn();
  given(await t.put({ FunctionName: single.name, MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 60 }));
  const one = await listPage(t, single);
  expectKeysAbsent(on(one.x, 'body (one config, no MaxItems)'), one.body, 'NextMarker');

  const { fn } = await withConfigs(t, 1);
  const three = await listPage(t, fn);
  expectKeysAbsent(on(three.x, 'body (three configs, no MaxItems)'), three.body, 'NextMarker');
});

s.rule('list.paging.max-items-limits-page', async (t) => {
  const { fn, count } = await withConfigs(t, 1);
  await precondition(t, fn, count);
  for (const n of [1, 2]) {
    const page = await listPage(t, fn, { MaxItems: String(n) });
    expectThat(
      page.items.length <= n,
      `${page.x.label}: ${page.items.length} items`,
      `at most ${n} items`,
      page.items.length,
      on(page.x, 'number of items on a page'),
    );
    expectMarker(page, `${count - page.items.length} of ${count} configs remain`);
  }
});

s.rule('list.paging.covers-each-once', async (t) => {
  const { fn, count } = await withConfigs(t, 3); // 5 configs: 1..4 need several pages
  // The unpaged List (following its markers) is the reference; that it holds
  // all five configs is the coverage rule's concern.
  const unpaged = await allPages(t, fn, count + 1);
  const full = unpaged.flatMap((p) => p.keys);
  if (new Set(full).size !== count) throw blockedBy(countMismatch(unpaged[0]!.x, count, new Set(full).size), COVERAGE);
  for (let n = 1; n <= 50; n++) {
    const pages = await allPages(t, fn, count + 1, n);
    const seen = pages.flatMap((p) => p.keys);
    const twice = seen.filter((k, i) => seen.indexOf(k) !== i);
    const last = pages.at(-1)!.x;
    expectThat(
      twice.length === 0,
      `MaxItems=${n}: ${twice.length} configs listed more than once over ${pages.length} pages`,
      'each config once',
      `${twice.length} repeated`,
      on(last, 'configs over all pages (repeated)'),
    );
    expectEqual(on(last, 'configs over all pages'), [...seen].sort(), [...full].sort());
  }
});

s.rule('list.paging.last-page-no-marker', async (t) => {
  const { fn, count } = await withConfigs(t, 1);
  await precondition(t, fn, count);
  // 3 configs: MaxItems 1 and 2 end on a short or full page, 3 fits exactly in one.
  for (const n of [1, 2, 3]) {
    const seen = new Set<string>();
    let marker: string | undefined;
    for (let pages = 1; ; pages++) {
      const page = await listPage(t, fn, { MaxItems: String(n), ...(marker !== undefined ? { Marker: marker } : {}) });
      for (const k of page.keys) seen.add(k);
      if (seen.size >= count) {
        // This page holds the last config: it is the last page.
        expectKeysAbsent(on(page.x, 'body of the page with the last config'), page.body, 'NextMarker');
        break;
      }
      marker = expectMarker(page, `${count - seen.size} configs not listed yet`);
      expectThat(
        pages < count + 1,
        `MaxItems=${n}: ${seen.size} of ${count} configs after ${pages} pages`,
        'all configs',
        seen.size,
        on(page.x, 'configs over all pages'),
      );
    }
  }
});

s.rule('list.paging.items-match-get', async (t) => {
  const fn = await t.fn();
  const dest = await t.sharedFn();
  const version = await t.publish(fn);
  const alias = await t.alias(fn, version);
  // Each qualifier holds different settings and destinations.
  given(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 0, DestinationConfig: { OnSuccess: { Destination: dest.arn } } }));
  given(await t.put({ FunctionName: fn.name, Qualifier: version, MaximumEventAgeInSeconds: 120 }));
  given(
    await t.put({
      FunctionName: fn.name,
      Qualifier: alias,
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 3600,
      DestinationConfig: { OnFailure: { Destination: dest.arn } },
    }),
  );
  const qualifiers = ['$LATEST', version, alias];
  const pages = await precondition(t, fn, qualifiers.length);
  const items = pages.flatMap((p) => p.items);
  for (const q of qualifiers) {
    // What Get answers for the qualifier is its config; the List item is the
    // one with the same FunctionArn. LastModified is left out: the recordings
    // normalise it away, and its form is response.last-modified's concern.
    const got = await wireCall(t, 'GetFunctionEventInvokeConfig', fn.arn, { qualifier: q });
    const config = givenWire(got);
    const matching = items.filter((i) => i.FunctionArn === config.FunctionArn);
    if (matching.length > 1)
      throw blockedBy(
        mismatch(on(pages[0]!.x, 'FunctionArns of the items'), 'one item per FunctionArn', `${matching.length} items with ${String(config.FunctionArn)}`),
        'response.function-arn.qualified',
      );
    if (!matching[0]) throw mismatch(on(pages[0]!.x, `List item with the FunctionArn Get of ${q} answered`), config.FunctionArn, '(absent)');
    expectEqual(on(got, `List item vs Get of ${q} (LastModified aside)`), withoutTime(matching[0]), withoutTime(config));
  }
});

const withoutTime = (b: Record<string, unknown>) => Object.fromEntries(Object.entries(b).filter(([k]) => k !== 'LastModified'));

s.rule('list.paging.unknown-marker-handled', async (t) => {
  // Any correct answer: a 4xx error, or a List restarted from the start, with
  // this function's configs only. Another function holds a config too, so an
  // answer that reads the marker as a place in some other list shows.
  const fn = await t.fn();
  const other = await t.fn('other');
  given(await t.put({ FunctionName: fn.name, MaximumRetryAttempts: 1 }));
  given(await t.put({ FunctionName: other.name, MaximumRetryAttempts: 2 }));
  for (const marker of ['lambda-conformance-never-issued', 'bGFtYmRhLWNvbmZvcm1hbmNl']) {
    const x = await wireCall(t, 'ListFunctionEventInvokeConfigs', fn.arn, { query: { Marker: marker } });
    if (x.status >= 400 && x.status < 500) continue; // refused (a 5xx never gets here: the harness ends the rule inconclusive)
    const items = listItems(x, expectWireOk(x));
    for (const item of items) {
      const name = /:function:([^:]+)/.exec(String(item.FunctionArn))?.[1];
      expectThat(
        name === fn.name,
        `${x.label}: a foreign Marker answered a config of another function`,
        `configs of ${fn.name} only`,
        item.FunctionArn,
        on(x, 'body.FunctionEventInvokeConfigs[].FunctionArn'),
      );
    }
  }
});
