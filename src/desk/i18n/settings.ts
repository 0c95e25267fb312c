/** Texts of the clerk's settings page (the time zone the desk shows times in). */
import type { Language } from './lang';

const en = {
  nav: 'Settings',
  title: 'Your settings',
  zoneLegend: 'Time zone',
  zoneLabel: 'Show times in',
  zoneHint:
    'Every time on the desk (filing, decisions, deadlines to acknowledge) is shown in this zone, named beside it. Stored records and the API stay in UTC.',
  current: (label: string) => `Now: ${label}.`,
  save: 'Save',
  saved: (label: string) => `Saved: times are now shown in ${label}.`,
  unknownZone: 'Choose a time zone from the list.',
  footer: (label: string) => `Times are in ${label}.`,
  change: 'Change',
};

const ru: typeof en = {
  nav: 'Настройки',
  title: 'Ваши настройки',
  zoneLegend: 'Часовой пояс',
  zoneLabel: 'Показывать время',
  zoneHint:
    'Всё время на странице (подача, решения, сроки подтверждения) показывается в этом поясе, с его названием. Записи и API остаются в UTC.',
  current: (label: string) => `Сейчас: ${label}.`,
  save: 'Сохранить',
  saved: (label: string) => `Сохранено: время теперь показывается в поясе ${label}.`,
  unknownZone: 'Выберите часовой пояс из списка.',
  footer: (label: string) => `Время указано в поясе ${label}.`,
  change: 'Изменить',
};

/** The settings texts for a language. */
export const settingsFor = (lang: Language): typeof en => (lang === 'ru' ? ru : en);
