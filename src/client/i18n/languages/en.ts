import messages from 'virtual:qiao-messages/en';
import antdLocale from 'antd/locale/en_US.js';
import zodLocale from 'zod/v4/locales/en.js';
import { type LanguagePack, unwrapAntdLocale } from '../language-pack.ts';

const pack: LanguagePack = { messages, antd: unwrapAntdLocale(antdLocale), zod: zodLocale, dayjs: 'en' };
export default pack;
