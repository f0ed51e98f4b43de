import assert from 'node:assert/strict';
import { escapeHtml, html, SafeHtml } from '../../../src/core/report/escape';
import { escapeMarkdown } from '../../../src/core/report/markdown';

describe('report escaping', () => {
  it('escapes the five HTML-significant characters', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('html`` escapes every interpolation except markup it produced itself', () => {
    const inner = html`<b>${'<i>'}</b>`;
    const out = html`<p title="${'" onmouseover="x'}">${inner}${['<s>', 1, null, undefined, false]}</p>`;
    assert.ok(out instanceof SafeHtml);
    assert.equal(out.value, '<p title="&quot; onmouseover=&quot;x"><b>&lt;i&gt;</b>&lt;s&gt;1</p>');
  });

  it('Markdown escaping neutralises tags, links, emphasis, tables and list markers', () => {
    const e = escapeMarkdown('<script>x</script> **b** [l](javascript:x) | 1. a\n- b\n# h');
    assert.ok(!e.includes('<script>'));
    assert.equal(e, '\\<script\\>x\\</script\\> \\*\\*b\\*\\* \\[l\\](javascript:x) \\| 1. a\n\\- b\n\\# h');
  });
});
