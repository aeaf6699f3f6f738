// Text the player reads, in 简体中文 and English. Code refers to keys only.

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const zh = {
  'title.name': '六小虎',
  'title.tagline': '2023–2026 中国大模型创业公司经营策略游戏',
  'placeholder.engineReady': '游戏引擎已就绪；浏览器界面正在制作中。可以先用命令行模拟器试玩：',
} as const;

export type TextKey = keyof typeof zh;

const en: Record<TextKey, string> = {
  'title.name': 'Six Tigers',
  'title.tagline': "A strategy game about China's large-model startups, 2023–2026",
  'placeholder.engineReady':
    'The game engine is ready; the browser front end is being built. Try the command-line simulator:',
};

const TABLES: Record<Language, Record<TextKey, string>> = { 'zh-CN': zh, en };

export function t(lang: Language, key: TextKey): string {
  return TABLES[lang][key];
}
