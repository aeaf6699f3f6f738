import { describe, expect, it } from 'vitest';
import type { NewsItem } from '../engine/index';
import { actorName } from './level-text';
import { getLevel } from './levels';
import { newsText } from './news';

describe('news with a count', () => {
  const level = getLevel('historical-2023');
  const company = 'zhipu';
  const poached = (count: number, subject = company): NewsItem => ({
    key: 'news.poached',
    subject,
    params: { count },
  });

  it('reads the English singular at 1 and the plural at 2', () => {
    const name = actorName('en', level, company);
    expect(newsText('en', level, poached(1))).toBe(`${name} lost 1 researcher to poachers.`);
    expect(newsText('en', level, poached(2))).toBe(`${name} lost 2 researchers to poachers.`);
  });

  it('reads the one Chinese form at any count, a Chinese name unspaced and a Latin one spaced', () => {
    expect(actorName('zh-CN', level, 'moonshot')).toBe('月之暗面');
    expect(newsText('zh-CN', level, poached(1, 'moonshot'))).toBe('月之暗面有 1 名研究员被挖走。');
    expect(newsText('zh-CN', level, poached(2, 'moonshot'))).toBe('月之暗面有 2 名研究员被挖走。');
    expect(actorName('zh-CN', level, 'zhipu')).toBe('智谱AI');
    expect(newsText('zh-CN', level, poached(2))).toBe('智谱AI 有 2 名研究员被挖走。');
  });
});
