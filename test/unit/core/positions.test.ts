import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../src/core/document/positions';

describe('LineIndex (offset ↔ VS Code position)', () => {
  it('counts \\n, \\r\\n and lone \\r as line breaks, as VS Code does', () => {
    const idx = new LineIndex('a\nbc\r\nd\re');
    assert.equal(idx.lineCount, 4);
    assert.deepEqual(idx.positionAt(2), { line: 1, character: 0 });
    assert.deepEqual(idx.positionAt(6), { line: 2, character: 0 });
    assert.deepEqual(idx.positionAt(8), { line: 3, character: 0 });
    assert.equal(idx.offsetAt({ line: 1, character: 99 }), 4, 'clamps to end of line before \\r\\n');
  });

  it('counts UTF-16 code units (an emoji is two characters)', () => {
    const idx = new LineIndex('x😀y');
    assert.deepEqual(idx.positionAt(3), { line: 0, character: 3 });
    assert.equal(idx.offsetAt({ line: 0, character: 3 }), 3);
  });

  it('round-trips every offset', () => {
    const text = 'one\r\ntwo\n\nthree\rfour';
    const idx = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) {
      const p = idx.positionAt(o);
      // offsets inside a \r\n pair map to the end of the line's content
      if (text[o - 1] === '\r' && text[o] === '\n') continue;
      assert.equal(idx.offsetAt(p), o, `offset ${o}`);
    }
  });

  it('picks the dominant line ending', () => {
    assert.equal(new LineIndex('a\r\nb\r\nc\n').eol, '\r\n');
    assert.equal(new LineIndex('a\nb').eol, '\n');
  });
});
