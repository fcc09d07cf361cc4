import { defineMessages } from '../define.ts';

/** In-app notifications (the header bell) and the agent's away switch. */
export const notifications = defineMessages({
  'zh-CN': {
    'notif.title': '通知',
    'notif.unread': '{count} 条未读通知',
    'notif.markAll': '全部已读',
    'notif.empty': '暂无通知',
    'notif.away': '离开（暂停自动分派）',
    'notif.awayOn': '已设为离开，自动分派会跳过您',
    'notif.awayOff': '已恢复接单',
    'notif.awayNoTeam': '您不在任何团队中，自动分派不会分给您',
  },
  'zh-TW': {
    'notif.title': '通知',
    'notif.unread': '{count} 則未讀通知',
    'notif.markAll': '全部已讀',
    'notif.empty': '暫無通知',
    'notif.away': '離開（暫停自動分派）',
    'notif.awayOn': '已設為離開，自動分派會略過您',
    'notif.awayOff': '已恢復接單',
    'notif.awayNoTeam': '您不在任何團隊中，自動分派不會分給您',
  },
  en: {
    'notif.title': 'Notifications',
    'notif.unread': '{count} unread notifications',
    'notif.markAll': 'Mark all read',
    'notif.empty': 'No notifications',
    'notif.away': 'Away (no automatic assignment)',
    'notif.awayOn': 'You are away; automatic assignment skips you',
    'notif.awayOff': 'You are back; requests are assigned to you again',
    'notif.awayNoTeam': 'You are in no team, so automatic assignment never picks you',
  },
});
