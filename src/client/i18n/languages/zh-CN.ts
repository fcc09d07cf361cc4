import antdLocale from 'antd/locale/zh_CN.js';
import 'dayjs/locale/zh-cn.js';
import messages from 'virtual:qiao-messages/zh-CN';
import zodLocale from 'zod/v4/locales/zh-CN.js';
import { type LanguagePack, unwrapAntdLocale } from '../language-pack.ts';

const pack: LanguagePack = { messages, antd: unwrapAntdLocale(antdLocale), zod: zodLocale, dayjs: 'zh-cn' };
export default pack;
