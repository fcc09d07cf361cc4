import { describe, expect, it } from 'vitest';
import { htmlToText, sanitiseArticleHtml } from './sanitise.ts';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('article HTML sanitising', () => {
  it('keeps the formatting a rich-text editor produces', () => {
    const html =
      '<h2>退货流程</h2><p>请<strong>先</strong>联系<em>客服</em>，<u>保留</u><s>旧</s>包装。<br>谢谢</p>' +
      '<h3>步骤</h3><ol><li>申请</li><li>寄回</li></ol><ul><li>a</li></ul><h4>注意</h4>' +
      '<blockquote>引用</blockquote><pre><code>SF1234567890</code></pre><p><b>b</b><i>i</i></p>' +
      '<table><thead><tr><th>项目</th></tr></thead><tbody><tr><td colspan="2">运费</td></tr></tbody></table>';
    expect(sanitiseArticleHtml(html)).toBe(html.replace('<br>', '<br />'));
  });

  it('removes scripts, styles, frames, forms and event handlers', () => {
    const clean = sanitiseArticleHtml(
      '<p onclick="steal()" style="color:red" class="x">正文</p><script>alert(1)</script>' +
        '<style>p{}</style><iframe src="https://evil.example"></iframe><form><input name="a"></form>' +
        '<img src="https://cdn.example.com/a.png" onerror="alert(1)"><svg><script>alert(2)</script></svg>' +
        '<object data="x.swf"></object><h1>大标题</h1><div>块</div>',
    );
    expect(clean).not.toMatch(
      /script|alert|style|iframe|onerror|onclick|class=|<form|<input|<svg|<object|<h1|<div/i,
    );
    expect(clean).toContain('<p>正文</p>');
    expect(clean).toContain('<img src="https://cdn.example.com/a.png" />');
    // Text of removed wrappers stays; only the tags go.
    expect(clean).toContain('大标题');
    expect(clean).toContain('块');
  });

  it('turns links safe: http/https/mailto only, never the opener', () => {
    const clean = sanitiseArticleHtml(
      '<a href="https://example.com/help?a=1&b=2" target="_self" onclick="x()">帮助</a>' +
        '<a href="mailto:service@example.com">邮件</a>' +
        '<a href="javascript:alert(1)">坏</a><a href="JaVaScRiPt&colon;alert(1)">坏2</a>' +
        '<a href="java\tscript:alert(1)">坏3</a><a href="data:text/html,<script>alert(1)</script>">坏4</a>' +
        '<a href="/relative">相对</a><a href="//evil.example">协议相对</a>',
    );
    expect(clean).toContain(
      '<a href="https://example.com/help?a=1&amp;b=2" rel="noopener noreferrer" target="_blank">帮助</a>',
    );
    expect(clean).toContain(
      '<a href="mailto:service@example.com" rel="noopener noreferrer" target="_blank">邮件</a>',
    );
    expect(clean).not.toMatch(/javascript|data:text|alert|relative|evil/i);
    expect((clean.match(/<a /g) ?? []).length).toBe(2);
    expect((clean.match(/<a>/g) ?? []).length).toBe(6);
    expect((clean.match(/<\/a>/g) ?? []).length).toBe(8);
    for (const text of ['坏', '坏2', '坏3', '坏4', '相对', '协议相对']) expect(clean).toContain(text);
  });

  it('closes every element correctly after an unsafe link', () => {
    expect(
      sanitiseArticleHtml('<p><a href="javascript:x()">a</a></p><p><a href="https://ok.example/">b</a></p>'),
    ).toBe(
      '<p><a>a</a></p><p><a href="https://ok.example/" rel="noopener noreferrer" target="_blank">b</a></p>',
    );
  });

  it('allows images only from https or inline raster data', () => {
    const clean = sanitiseArticleHtml(
      `<img src="${PNG}" alt="图"><img src="http://plain.example/a.png">` +
        '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="><img src="javascript:alert(1)">' +
        '<img src="/local.png"><img alt="无来源">',
    );
    expect(clean).toBe(`<img src="${PNG}" alt="图" />`);
  });

  it('derives plain text with line breaks and decoded entities', () => {
    const html = sanitiseArticleHtml(
      '<h2>运费 &amp; 退款</h2><p>第一段&nbsp;<strong>重点</strong></p><p>a &lt; b</p>' +
        '<ul><li>一</li><li>二</li></ul><table><tr><td>甲</td><td>乙</td></tr></table>',
    );
    expect(htmlToText(html)).toBe('运费 & 退款\n第一段 重点\na < b\n一\n二\n甲 乙');
    expect(htmlToText('')).toBe('');
  });
});
