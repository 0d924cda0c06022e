import type { Strings } from '../strings.js';

// Japanese, polite です/ます in sentences, plain noun or verb forms on buttons and labels.
// Terms: 接続 (connection, connect), アカウント (account), データソース (data source),
// メイン / サブ (main / secondary), 再接続 (re-connect), ログイン (sign-in), 要対応 (needs attention).
// Account names in 「」, the filter text too; source names (product names) bare.
// Japanese has a single plural category, "other": counts take the counter 件, no PluralRules.
// Texts from the endpoint (message, reason) follow after a space: they may well be English.
let numbers: Intl.NumberFormat | undefined;
const num = (value: number) => (numbers ??= new Intl.NumberFormat('ja')).format(value);

export const ja: Strings = {
  loading: '読み込み中…',
  retry: '再試行',
  retryNow: '今すぐ再試行',
  retryingIn: (seconds) => `${num(seconds)} 秒後に再試行します…`,
  stillLoading: 'まだ読み込んでいます…',
  close: '閉じる',
  cancel: 'キャンセル',
  connect: '接続',
  reconnect: '再接続',
  connectionSettings: '接続設定',
  loadFailed: '接続を読み込めませんでした。',
  unknownSource: 'このデータソースは利用できません。',
  noEndpoint: 'このウィジェットにはエンドポイントが設定されていません。',
  unauthorized: 'セッションの有効期限が切れました。もう一度ログインしてから、再試行してください。',
  popupBlocked:
    'ログインウィンドウがブラウザによってブロックされました。このサイトのポップアップを許可してから、もう一度お試しください。',
  authorizationCancelled: 'ログインがキャンセルされました。変更はありません。',
  authorizationTimedOut: 'ログインに時間がかかりすぎたため、中止しました。もう一度お試しください。',
  authorizationFailed: (message) => `ログインに失敗しました: ${message}`,
  accountMismatch: (message) => `${message} 置き換えは行われていません。`,
  addAsNewConnection: '新しい接続として追加',
  authorizationPending: 'ログインウィンドウを待っています…',
  connected: (name) => `「${name}」を接続しました。`,
  reconnected: (name) => `「${name}」を再接続しました。`,

  notConnected: '未接続',
  accountCount: (count) => `${num(count)}件のアカウント`,
  needsAttention: (count) => `${num(count)}件が要対応`,
  endpointUnreachable: 'サービスに接続できませんでした。インターネット接続を確認してから、再試行してください。',
  dismissNotice: 'メッセージを閉じる',

  dialogTitle: (source) => `${source}の接続`,
  tableCaption: (source) => `${source}に接続されているアカウント`,
  addOrUpdate: '接続を追加または更新',
  columnStatus: 'ステータス',
  columnAccount: 'アカウント',
  columnId: 'ID',
  columnCreated: '作成日',
  columnUpdated: '更新日',
  columnActions: '操作',
  statusActive: '有効',
  statusError: 'エラー',
  statusUnknown: '不明',
  main: 'メイン',
  secondary: 'サブ',
  never: 'なし',
  makeMain: 'メインに設定',
  // The *Label texts contain the visible text or tooltip as is (WCAG 2.5.3, label in name).
  makeMainLabel: (name) => `「${name}」をメインに設定`,
  refreshData: 'データを更新',
  refreshDataLabel: (name) => `「${name}」のデータを更新`,
  reconnectLabel: (name) => `「${name}」を再接続`,
  deleteLabel: (name) => `「${name}」を削除`,
  confirmDeleteTitle: 'この接続を削除しますか？',
  confirmDelete: (name, id) =>
    `「${name}」（${id}）からのデータ送信が停止します。後でもう一度接続することもできます。`,
  confirmDeleteButton: '削除',
  deleted: (name) => `「${name}」を削除しました。`,
  deleteFailed: (name) => `「${name}」を削除できませんでした。接続はそのまま残っています。`,
  madeMain: (name) => `「${name}」をメインアカウントに設定しました。`,
  makeMainFailed: (name) => `「${name}」をメインアカウントに設定できませんでした。`,
  refreshRequested: (name) => `「${name}」のデータ更新をリクエストしました。`,
  refreshFailed: (name) => `「${name}」のデータを更新できませんでした。`,
  filterLabel: 'アカウントを絞り込む',
  filterPlaceholder: '名前またはID',
  noMatch: (filter) => `「${filter}」に一致するアカウントはありません。`,
  shownCount: (shown, total) => `${num(total)}件中${num(shown)}件のアカウントを表示`,
  emptyTitle: '接続済みのアカウントはまだありません',
  emptyBody: 'データのインポートを開始するには、接続を追加してください。',
  revalidateFailed: 'リストを更新できませんでした。表示内容が最新でない可能性があります。',
  failureReason: (text, reason) => `${text} ${reason}`,

  bannerTitle: (name) => `「${name}」の再接続が必要です`,
  bannerManyTitle: (count) => `${num(count)}件のアカウントの再接続が必要です`,
  openSettings: '接続設定を開く',
  dismiss: '非表示にする',
  previousFailure: '前のアカウント',
  nextFailure: '次のアカウント',
  failurePosition: (index, count) => `${num(count)}件中${num(index)}件目`,
  failureNavigation: '対応が必要なアカウント',
};
