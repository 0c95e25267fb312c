/** Texts of the desk's frame (header, navigation), sign-in and error pages. */
import type { PluralForms } from '../../format';
import type { Language } from './lang';

const CLAIM_NOUN_EN: PluralForms = { one: 'claim', other: 'claims' };

const en = {
  appName: 'Parcel claims desk',
  skipToContent: 'Skip to content',
  mainNav: 'Desk',
  queue: 'Claims queue',
  lateShipments: 'Late shipments',
  // Customer care.
  unacknowledged: 'Not yet acknowledged',
  /** The noun of the navigation's count of claims (its number is shown beside it). */
  claimNoun: CLAIM_NOUN_EN,
  newClaim: 'New claim by phone',
  signOut: 'Sign out',
  signOutEverywhere: 'Sign out everywhere',
  languageNav: 'Language',
  otherLanguage: 'Русский',
  otherLanguageCode: 'ru',
  signedInAs: 'Signed in:',
  footer: 'Amounts are exact; nothing is rounded on this page.',
  errorPrefix: 'Error:',
  // How every money field reads what is typed (src/desk/forms/money-input.ts).
  amountRule:
    'Write it as 1234.50 or 1 234,50: a comma or a point before the decimals (never both), spaces between thousands if you like.',
  fixErrors: 'Some fields need correcting; each one says why.',
  backToQueue: 'Back to the claims queue',
  yes: 'yes',
  no: 'no',
  none: '—',
  signIn: {
    title: 'Sign in to the claims desk',
    intro:
      'Use your clerk API key. It is checked, never stored in the browser: your session lasts 8 hours, or until you sign out.',
    key: 'Clerk API key',
    keyHint: 'Starts with pca_. Shop keys cannot sign in here.',
    submit: 'Sign in',
    unknownKey: 'This key is unknown or has been revoked. Check it and try again.',
    shopKey: 'This is a shop key. The claims desk needs a clerk key; shops use the API.',
    expiredForm: 'The sign-in form had expired. Please sign in again.',
    signedOut: 'You have been signed out.',
    signedOutEverywhere: 'You have been signed out on every device and browser that used this key.',
    sessionEnded: 'Your session ended (it expired or the key was revoked). Please sign in again.',
  },
  errors: {
    notFound: { title: 'Not found', text: 'There is no such page or claim.' },
    forbidden: {
      title: 'Request refused',
      text: 'The form did not come from this desk (its security token was missing or wrong). Nothing was changed. Reload the page and try again.',
    },
    tooLarge: { title: 'Form too large', text: 'The form was larger than the desk accepts.' },
    unavailable: {
      title: 'Claims storage unavailable',
      text: 'The claims database did not answer. Nothing was changed; please retry in a moment.',
    },
    recordTooLarge: {
      title: 'Too large to store',
      text: 'What this would store is larger than the claims database takes in one record. Nothing was changed. Shorten the longest texts, or add fewer evidence entries at a time, and try again.',
    },
    internal: {
      title: 'Something went wrong',
      text: 'An unexpected error occurred. Quote this reference to support:',
    },
    deskOff: {
      title: 'The desk is not configured',
      text: 'The claims desk needs DESK_SESSION_SECRET (at least 32 characters) in the Worker configuration.',
    },
  },
};

export type CommonMessages = typeof en;

const ru: CommonMessages = {
  appName: 'Рабочее место по претензиям',
  skipToContent: 'Перейти к содержимому',
  mainNav: 'Разделы',
  queue: 'Очередь претензий',
  lateShipments: 'Опоздавшие отправления',
  // Customer care.
  unacknowledged: 'Без подтверждения',
  claimNoun: { one: 'претензия', few: 'претензии', many: 'претензий', other: 'претензии' },
  newClaim: 'Новая претензия по телефону',
  signOut: 'Выйти',
  signOutEverywhere: 'Выйти на всех устройствах',
  languageNav: 'Язык',
  otherLanguage: 'English',
  otherLanguageCode: 'en',
  signedInAs: 'Вы вошли как',
  footer: 'Суммы точные, на странице ничего не округляется.',
  errorPrefix: 'Ошибка:',
  amountRule:
    'Пишите как 1 234,50 или 1234.50: дробную часть — после запятой или точки (но не обеих сразу), тысячи можно отделить пробелами.',
  fixErrors: 'Некоторые поля нужно исправить; у каждого указана причина.',
  backToQueue: 'Вернуться к очереди претензий',
  yes: 'да',
  no: 'нет',
  none: '—',
  signIn: {
    title: 'Вход в рабочее место',
    intro:
      'Введите API-ключ сотрудника. Он проверяется и не хранится в браузере: сессия действует 8 часов или до выхода.',
    key: 'API-ключ сотрудника',
    keyHint: 'Начинается с pca_. Ключ магазина здесь не подходит.',
    submit: 'Войти',
    unknownKey: 'Ключ неизвестен или отозван. Проверьте его и попробуйте снова.',
    shopKey:
      'Это ключ магазина. Для рабочего места нужен ключ сотрудника; магазины работают через API.',
    expiredForm: 'Форма входа устарела. Войдите ещё раз.',
    signedOut: 'Вы вышли из рабочего места.',
    signedOutEverywhere:
      'Вы вышли из рабочего места на всех устройствах и в браузерах, где использовался этот ключ.',
    sessionEnded: 'Сессия завершена (истёк срок или ключ отозван). Войдите снова.',
  },
  errors: {
    notFound: { title: 'Не найдено', text: 'Такой страницы или претензии нет.' },
    forbidden: {
      title: 'Запрос отклонён',
      text: 'Форма отправлена не с этого рабочего места (нет или неверен защитный токен). Ничего не изменено. Обновите страницу и повторите.',
    },
    tooLarge: { title: 'Слишком большая форма', text: 'Форма больше допустимого размера.' },
    unavailable: {
      title: 'Хранилище претензий недоступно',
      text: 'База претензий не ответила. Ничего не изменено; повторите чуть позже.',
    },
    recordTooLarge: {
      title: 'Слишком большая запись',
      text: 'То, что нужно сохранить, больше, чем база претензий принимает в одной записи. Ничего не изменено. Сократите самые длинные тексты или добавляйте меньше доказательств за раз и повторите.',
    },
    internal: {
      title: 'Что-то пошло не так',
      text: 'Произошла непредвиденная ошибка. Сообщите в поддержку этот номер:',
    },
    deskOff: {
      title: 'Рабочее место не настроено',
      text: 'Для рабочего места нужна переменная DESK_SESSION_SECRET (не короче 32 символов) в настройках Worker.',
    },
  },
};

/**
 * The frame's texts in one language.
 *
 * @example commonFor('ru').signOut // 'Выйти'
 */
export const commonFor = (lang: Language): CommonMessages => (lang === 'ru' ? ru : en);
