import type { Strings } from '../strings.js';

// Modern Standard Arabic. Gender-neutral address: "يُرجى" + verbal noun rather than a masculine
// imperative, and passive or impersonal sentences. Terms: ربط / مرتبط / إعادة الربط (connect,
// connected, re-connect: the linking of an account, never "اتصال", which is kept for the
// Internet connection), حساب (account), مصدر البيانات (data source), رئيسي / ثانوي
// (main / secondary), المعرّف (ID), تسجيل الدخول (sign-in).
//
// Digits: Latin (ar-u-nu-latn). Account IDs must stay as the endpoint gives them (Latin digits)
// and sit next to these counts in the same dialog; Latin digits are also what most Arabic
// product UIs use today. Recent CLDR data gives Latin digits for plain "ar" too (Chromium 156,
// Node 20), older engines give Arabic-Indic: naming the numbering system makes every engine
// agree. Hosts that pass a locale for dates should pass "ar-u-nu-latn" too.
//
// Bidi: names, IDs, source names and endpoint texts are mostly Latin-script inside a
// right-to-left sentence; each is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE so
// it neither reorders the sentence around it (a name ending in digits, "Account 2 (1000007919)")
// nor lets a directional override inside it leak out. Screen readers ignore both characters.
const iso = (text: string) => `\u2068${text}\u2069`;

const locale = 'ar-u-nu-latn';
let rules: Intl.PluralRules | undefined;
let numbers: Intl.NumberFormat | undefined;
const num = (value: number) => (numbers ??= new Intl.NumberFormat(locale)).format(value);

/**
 * Arabic has all six categories: zero (0), one (1), two (2, dual), few (3–10: plural noun),
 * many (11–99: singular accusative noun, "حسابًا"), other (100, 1000…: singular genitive noun).
 * With digits written out, one and other share the noun "حساب".
 */
interface Forms {
  zero: (n: string) => string;
  one: (n: string) => string;
  two: (n: string) => string;
  few: (n: string) => string;
  many: (n: string) => string;
  other: (n: string) => string;
}
const plural = (count: number, forms: Forms) => {
  const category = (rules ??= new Intl.PluralRules(locale)).select(count);
  const form = category in forms ? forms[category as keyof Forms] : forms.other;
  return form(num(count));
};

export const ar: Strings = {
  loading: 'جارٍ التحميل…',
  retry: 'إعادة المحاولة',
  retryNow: 'إعادة المحاولة الآن',
  retryingIn: (seconds) => `ستُعاد المحاولة بعد ${num(seconds)} ث…`,
  stillLoading: 'لا يزال التحميل جاريًا…',
  close: 'إغلاق',
  cancel: 'إلغاء',
  connect: 'ربط',
  reconnect: 'إعادة الربط',
  connectionSettings: 'إعدادات الربط',
  loadFailed: 'تعذّر تحميل الحسابات المرتبطة.',
  unknownSource: 'مصدر البيانات هذا غير متاح.',
  noEndpoint: 'لم يتم إعداد نقطة نهاية لهذه الأداة.',
  unauthorized: 'انتهت صلاحية الجلسة. يُرجى تسجيل الدخول مرة أخرى ثم إعادة المحاولة.',
  popupBlocked: 'حظر المتصفح نافذة تسجيل الدخول. يُرجى السماح بالنوافذ المنبثقة لهذا الموقع ثم المحاولة مرة أخرى.',
  authorizationCancelled: 'تم إلغاء تسجيل الدخول. لم يتم تغيير أي شيء.',
  authorizationTimedOut: 'استغرق تسجيل الدخول وقتًا أطول من اللازم فتم إيقافه. يُرجى المحاولة مرة أخرى.',
  authorizationFailed: (message) => `تعذّر تسجيل الدخول: ${iso(message)}`,
  accountMismatch: (message) => `${iso(message)} لم يتم استبدال أي شيء.`,
  addAsNewConnection: 'إضافة كربط جديد',
  authorizationPending: 'في انتظار نافذة تسجيل الدخول…',
  connected: (name) => `تم ربط ${iso(name)}.`,
  reconnected: (name) => `تمت إعادة ربط ${iso(name)}.`,

  notConnected: 'غير مرتبط',
  accountCount: (count) =>
    plural(count, {
      zero: (n) => `${n} حساب`,
      one: (n) => `${n} حساب`,
      two: (n) => `${n} حسابان`,
      few: (n) => `${n} حسابات`,
      many: (n) => `${n} حسابًا`,
      other: (n) => `${n} حساب`,
    }),
  needsAttention: (count) =>
    plural(count, {
      zero: (n) => `${n} حساب يحتاج إلى إجراء`,
      one: (n) => `${n} حساب يحتاج إلى إجراء`,
      two: (n) => `${n} حسابان يحتاجان إلى إجراء`,
      few: (n) => `${n} حسابات تحتاج إلى إجراء`,
      many: (n) => `${n} حسابًا تحتاج إلى إجراء`,
      other: (n) => `${n} حساب تحتاج إلى إجراء`,
    }),
  expiringSoon: (count) =>
    plural(count, {
      zero: (n) => `${n} حساب تنتهي صلاحيته قريبًا`,
      one: (n) => `${n} حساب تنتهي صلاحيته قريبًا`,
      two: (n) => `${n} حسابان تنتهي صلاحيتهما قريبًا`,
      few: (n) => `${n} حسابات تنتهي صلاحيتها قريبًا`,
      many: (n) => `${n} حسابًا تنتهي صلاحيتها قريبًا`,
      other: (n) => `${n} حساب تنتهي صلاحيتها قريبًا`,
    }),
  endpointUnreachable: 'تعذّر الوصول إلى الخدمة. يُرجى التحقق من الاتصال بالإنترنت ثم إعادة المحاولة.',
  dismissNotice: 'إخفاء الرسالة',

  dialogTitle: (source) => `ربط حسابات ${iso(source)}`,
  tableCaption: (source) => `الحسابات المرتبطة بـ${iso(source)}`,
  addOrUpdate: 'إضافة ربط أو تحديثه',
  columnStatus: 'الحالة',
  columnAccount: 'الحساب',
  columnId: 'المعرّف',
  columnCreated: 'تاريخ الإنشاء',
  columnUpdated: 'تاريخ التحديث',
  columnActions: 'الإجراءات',
  statusActive: 'نشط',
  statusError: 'خطأ',
  statusExpiring: 'تنتهي صلاحيته قريبًا',
  // The relative time comes from Intl: "خلال 5 أيام".
  expiresIn: (relative) => `تنتهي الصلاحية ${relative}`,
  statusUnknown: 'غير معروف',
  main: 'رئيسي',
  secondary: 'ثانوي',
  never: 'أبدًا',
  makeMain: 'تعيين كحساب رئيسي',
  // The *Label texts start with the visible text or tooltip (WCAG 2.5.3, label in name).
  makeMainLabel: (name) => `تعيين كحساب رئيسي: ${iso(name)}`,
  refreshData: 'تحديث البيانات',
  refreshDataLabel: (name) => `تحديث البيانات: ${iso(name)}`,
  reconnectLabel: (name) => `إعادة الربط: ${iso(name)}`,
  deleteLabel: (name) => `حذف ${iso(name)}`,
  confirmDeleteTitle: 'حذف هذا الربط؟',
  confirmDelete: (name, id) =>
    `سيتوقف ${iso(name)} (${iso(id)}) عن إرسال البيانات. يمكن ربطه مرة أخرى لاحقًا.`,
  confirmDeleteButton: 'حذف',
  deleted: (name) => `تم حذف ${iso(name)}.`,
  deleteFailed: (name) => `تعذّر حذف ${iso(name)}، ولا يزال الحساب مرتبطًا.`,
  madeMain: (name) => `أصبح ${iso(name)} الحساب الرئيسي.`,
  makeMainFailed: (name) => `تعذّر تعيين ${iso(name)} كحساب رئيسي.`,
  refreshRequested: (name) => `تم طلب تحديث بيانات ${iso(name)}.`,
  refreshFailed: (name) => `تعذّر تحديث بيانات ${iso(name)}.`,
  filterLabel: 'تصفية الحسابات',
  filterPlaceholder: 'الاسم أو المعرّف',
  noMatch: (filter) => `لا يوجد حساب يطابق «${iso(filter)}».`,
  // After "من أصل" the noun is genitive: the dual is "حسابين" here, not "حسابان".
  shownCount: (shown, total) =>
    plural(total, {
      zero: (n) => `${num(shown)} من أصل ${n} حساب`,
      one: (n) => `${num(shown)} من أصل ${n} حساب`,
      two: (n) => `${num(shown)} من أصل ${n} حسابين`,
      few: (n) => `${num(shown)} من أصل ${n} حسابات`,
      many: (n) => `${num(shown)} من أصل ${n} حسابًا`,
      other: (n) => `${num(shown)} من أصل ${n} حساب`,
    }),
  emptyTitle: 'لا توجد حسابات مرتبطة بعد',
  emptyBody: 'يمكنك إضافة ربط لبدء استيراد البيانات.',
  revalidateFailed: 'تعذّر تحديث القائمة، وقد لا تكون محدّثة.',
  failureReason: (text, reason) => `${text} ${iso(reason)}`,

  selectionTitle: 'اختيار الحسابات المراد ربطها',
  // After "إلى" the noun is genitive: the dual is "حسابين".
  selectionIntro: (count, source) =>
    plural(count, {
      zero: (n) => `يتيح تسجيل الدخول هذا الوصول إلى ${n} حساب في ${iso(source)}. يصبح كل حساب يتم اختياره ربطًا.`,
      one: (n) => `يتيح تسجيل الدخول هذا الوصول إلى ${n} حساب في ${iso(source)}. يصبح كل حساب يتم اختياره ربطًا.`,
      two: (n) => `يتيح تسجيل الدخول هذا الوصول إلى ${n} حسابين في ${iso(source)}. يصبح كل حساب يتم اختياره ربطًا.`,
      few: (n) => `يتيح تسجيل الدخول هذا الوصول إلى ${n} حسابات في ${iso(source)}. يصبح كل حساب يتم اختياره ربطًا.`,
      many: (n) => `يتيح تسجيل الدخول هذا الوصول إلى ${n} حسابًا في ${iso(source)}. يصبح كل حساب يتم اختياره ربطًا.`,
      other: (n) => `يتيح تسجيل الدخول هذا الوصول إلى ${n} حساب في ${iso(source)}. يصبح كل حساب يتم اختياره ربطًا.`,
    }),
  selectionSearch: 'البحث في الحسابات',
  selectAll: 'تحديد الكل',
  selectedCount: (selected, total) => `تم تحديد ${num(selected)} من أصل ${num(total)}`,
  alreadyConnected: 'مرتبط بالفعل',
  mainAccount: 'الحساب الرئيسي',
  connectAccounts: (count) =>
    plural(count, {
      zero: (n) => `ربط ${n} حساب`,
      one: (n) => `ربط ${n} حساب`,
      two: (n) => `ربط ${n} حسابين`,
      few: (n) => `ربط ${n} حسابات`,
      many: (n) => `ربط ${n} حسابًا`,
      other: (n) => `ربط ${n} حساب`,
    }),
  selectionEmpty: 'يُرجى اختيار حساب واحد على الأقل.',
  accountsConnected: (count) =>
    plural(count, {
      zero: (n) => `تم ربط ${n} حساب.`,
      one: (n) => `تم ربط ${n} حساب.`,
      two: (n) => `تم ربط ${n} حسابين.`,
      few: (n) => `تم ربط ${n} حسابات.`,
      many: (n) => `تم ربط ${n} حسابًا.`,
      other: (n) => `تم ربط ${n} حساب.`,
    }),
  selectionCancelled: 'تم إلغاء الاختيار، ولم تتم إضافة أي حساب.',
  selectionFailed: 'تعذّر ربط الحسابات المختارة.',
  selectionExpired: 'لم يصل الاختيار في الوقت المحدد. يُرجى تسجيل الدخول مجددًا لاختيار الحسابات.',

  bannerTitle: (name) => `يجب إعادة ربط ${iso(name)}`,
  // "إعادة ربط" governs a genitive: "حسابين" for two.
  bannerManyTitle: (count) =>
    plural(count, {
      zero: (n) => `يجب إعادة ربط ${n} حساب`,
      one: (n) => `يجب إعادة ربط ${n} حساب`,
      two: (n) => `يجب إعادة ربط ${n} حسابين`,
      few: (n) => `يجب إعادة ربط ${n} حسابات`,
      many: (n) => `يجب إعادة ربط ${n} حسابًا`,
      other: (n) => `يجب إعادة ربط ${n} حساب`,
    }),
  bannerExpiringTitle: (name) => `يجب إعادة ربط ${iso(name)} قريبًا`,
  bannerExpiringManyTitle: (count) =>
    plural(count, {
      zero: (n) => `يجب إعادة ربط ${n} حساب قريبًا`,
      one: (n) => `يجب إعادة ربط ${n} حساب قريبًا`,
      two: (n) => `يجب إعادة ربط ${n} حسابين قريبًا`,
      few: (n) => `يجب إعادة ربط ${n} حسابات قريبًا`,
      many: (n) => `يجب إعادة ربط ${n} حسابًا قريبًا`,
      other: (n) => `يجب إعادة ربط ${n} حساب قريبًا`,
    }),
  expiringMessage: (relative) => `تنتهي صلاحية التفويض ${relative}. يُرجى إعادة الربط لمواصلة تحديث البيانات.`,
  openSettings: 'فتح إعدادات الربط',
  dismiss: 'إخفاء',
  previousFailure: 'الحساب السابق',
  nextFailure: 'الحساب التالي',
  failurePosition: (index, count) => `${num(index)} من ${num(count)}`,
  failureNavigation: 'حسابات تحتاج إلى إجراء',
  sortedAscending: (column) => `مرتّبة حسب ${iso(column)} تصاعديًا`,
  sortedDescending: (column) => `مرتّبة حسب ${iso(column)} تنازليًا`,
  ofSource: (source) => `: ${iso(source)}`,
};
