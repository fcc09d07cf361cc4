import antdLocale from 'antd/locale/zh_TW.js';
import 'dayjs/locale/zh-tw.js';
import messages from 'virtual:qiao-messages/zh-TW';
import zodLocale from 'zod/v4/locales/zh-TW.js';
import { type LanguagePack, unwrapAntdLocale } from '../language-pack.ts';

const pack: LanguagePack = { messages, antd: unwrapAntdLocale(antdLocale), zod: zodLocale, dayjs: 'zh-tw' };
export default pack;
