import type { Strings } from '../strings.js';

// Spanish, neutral/international, "tú" throughout (as Google, Microsoft and most products do);
// impersonal "se" where nobody acts ("Se eliminó…"), which also avoids guessing a name's gender.
// Terms: conexión (connection), cuenta (account), fuente de datos (data source),
// principal / secundaria (main / secondary), reconectar (re-connect), agregar (add: understood
// everywhere; "añadir" would be Spain only). Quotation marks: « ».
let rules: Intl.PluralRules | undefined;
let numbers: Intl.NumberFormat | undefined;
const num = (value: number) => (numbers ??= new Intl.NumberFormat('es')).format(value);

/** Spanish: one (1), many (exact millions: "1.000.000 de cuentas"), other. */
interface Forms {
  one: (n: string) => string;
  many: (n: string) => string;
  other: (n: string) => string;
}
const plural = (count: number, forms: Forms) => {
  const category = (rules ??= new Intl.PluralRules('es')).select(count);
  return (category === 'one' ? forms.one : category === 'many' ? forms.many : forms.other)(num(count));
};

export const es: Strings = {
  loading: 'Cargando…',
  retry: 'Reintentar',
  retryNow: 'Reintentar ahora',
  retryingIn: (seconds) => `Se reintentará en ${num(seconds)} s…`,
  stillLoading: 'Sigue cargando…',
  close: 'Cerrar',
  cancel: 'Cancelar',
  connect: 'Conectar',
  reconnect: 'Reconectar',
  connectionSettings: 'Configuración de conexión',
  loadFailed: 'No se pudieron cargar las conexiones.',
  unknownSource: 'Esta fuente de datos no está disponible.',
  noEndpoint: 'No hay ningún endpoint configurado para este widget.',
  unauthorized: 'Tu sesión ha expirado. Vuelve a iniciar sesión e inténtalo de nuevo.',
  popupBlocked:
    'El navegador bloqueó la ventana de inicio de sesión. Permite las ventanas emergentes en este sitio e inténtalo de nuevo.',
  authorizationCancelled: 'Se canceló el inicio de sesión. No se realizó ningún cambio.',
  authorizationTimedOut: 'El inicio de sesión tardó demasiado y se detuvo. Inténtalo de nuevo.',
  authorizationFailed: (message) => `No se pudo iniciar sesión: ${message}`,
  accountMismatch: (message) => `${message} No se reemplazó nada.`,
  addAsNewConnection: 'Agregar como nueva conexión',
  authorizationPending: 'Esperando la ventana de inicio de sesión…',
  connected: (name) => `Se conectó ${name}.`,
  reconnected: (name) => `Se volvió a conectar ${name}.`,

  notConnected: 'Sin conectar',
  accountCount: (count) =>
    plural(count, { one: (n) => `${n} cuenta`, many: (n) => `${n} de cuentas`, other: (n) => `${n} cuentas` }),
  needsAttention: (count) =>
    plural(count, {
      one: (n) => `${n} requiere atención`,
      many: (n) => `${n} requieren atención`,
      other: (n) => `${n} requieren atención`,
    }),
  expiringSoon: (count) =>
    plural(count, {
      one: (n) => `${n} caduca pronto`,
      many: (n) => `${n} caducan pronto`,
      other: (n) => `${n} caducan pronto`,
    }),
  endpointUnreachable: 'No se pudo acceder al servicio. Comprueba tu conexión a internet e inténtalo de nuevo.',
  dismissNotice: 'Descartar mensaje',

  dialogTitle: (source) => `Conexiones de ${source}`,
  tableCaption: (source) => `Cuentas conectadas a ${source}`,
  addOrUpdate: 'Agregar o actualizar conexión',
  columnStatus: 'Estado',
  columnAccount: 'Cuenta',
  columnId: 'ID',
  columnCreated: 'Fecha de creación',
  columnUpdated: 'Fecha de actualización',
  columnActions: 'Acciones',
  // Agree with the column, "Estado" (masculine).
  statusActive: 'Activo',
  statusError: 'Error',
  statusExpiring: 'Por caducar',
  // The relative time comes from Intl: "dentro de 5 días".
  expiresIn: (relative) => `Caduca ${relative}`,
  statusUnknown: 'Desconocido',
  // Agree with "cuenta" (feminine).
  main: 'Principal',
  secondary: 'Secundaria',
  never: 'Nunca',
  makeMain: 'Establecer como principal',
  // The *Label texts contain the visible text or tooltip as is (WCAG 2.5.3, label in name).
  makeMainLabel: (name) => `Establecer como principal: ${name}`,
  refreshData: 'Actualizar datos',
  refreshDataLabel: (name) => `Actualizar datos de ${name}`,
  reconnectLabel: (name) => `Reconectar ${name}`,
  deleteLabel: (name) => `Eliminar ${name}`,
  confirmDeleteTitle: '¿Eliminar esta conexión?',
  confirmDelete: (name, id) =>
    `${name} (${id}) dejará de enviar datos. Puedes volver a conectar la cuenta más adelante.`,
  confirmDeleteButton: 'Eliminar',
  deleted: (name) => `Se eliminó ${name}.`,
  deleteFailed: (name) => `No se pudo eliminar ${name}. La cuenta sigue conectada.`,
  madeMain: (name) => `${name} es ahora la cuenta principal.`,
  makeMainFailed: (name) => `No se pudo establecer ${name} como cuenta principal.`,
  refreshRequested: (name) => `Se solicitó una actualización de los datos de ${name}.`,
  refreshFailed: (name) => `No se pudieron actualizar los datos de ${name}.`,
  filterLabel: 'Filtrar cuentas',
  filterPlaceholder: 'Nombre o ID',
  noMatch: (filter) => `Ninguna cuenta coincide con «${filter}».`,
  shownCount: (shown, total) =>
    plural(total, {
      one: (n) => `${num(shown)} de ${n} cuenta`,
      many: (n) => `${num(shown)} de ${n} de cuentas`,
      other: (n) => `${num(shown)} de ${n} cuentas`,
    }),
  emptyTitle: 'Todavía no hay ninguna cuenta conectada',
  emptyBody: 'Agrega una conexión para empezar a importar datos.',
  revalidateFailed: 'No se pudo actualizar la lista y es posible que no esté al día.',
  failureReason: (text, reason) => `${text} ${reason}`,

  selectionTitle: 'Elige las cuentas que quieres conectar',
  selectionIntro: (count, source) =>
    plural(count, {
      one: (n) => `Este inicio de sesión da acceso a ${n} cuenta de ${source}. Cada cuenta que elijas se convierte en una conexión.`,
      many: (n) => `Este inicio de sesión da acceso a ${n} de cuentas de ${source}. Cada cuenta que elijas se convierte en una conexión.`,
      other: (n) => `Este inicio de sesión da acceso a ${n} cuentas de ${source}. Cada cuenta que elijas se convierte en una conexión.`,
    }),
  selectionSearch: 'Buscar cuentas',
  selectAll: 'Seleccionar todas',
  selectedCount: (selected, total) => `${num(selected)} de ${num(total)} seleccionadas`,
  alreadyConnected: 'Ya conectada',
  mainAccount: 'Cuenta principal',
  connectAccounts: (count) =>
    plural(count, { one: (n) => `Conectar ${n} cuenta`, many: (n) => `Conectar ${n} de cuentas`, other: (n) => `Conectar ${n} cuentas` }),
  selectionEmpty: 'Elige al menos una cuenta.',
  accountsConnected: (count) =>
    plural(count, {
      one: (n) => `Se conectó ${n} cuenta.`,
      many: (n) => `Se conectaron ${n} de cuentas.`,
      other: (n) => `Se conectaron ${n} cuentas.`,
    }),
  selectionCancelled: 'Se canceló la selección: no se añadió ninguna cuenta.',
  selectionFailed: 'No se pudieron conectar las cuentas elegidas.',
  selectionExpired: 'La elección llegó demasiado tarde. Vuelve a iniciar sesión para elegir tus cuentas.',

  bannerTitle: (name) => `Es necesario reconectar ${name}`,
  bannerManyTitle: (count) =>
    plural(count, {
      one: (n) => `Es necesario reconectar ${n} cuenta`,
      many: (n) => `Es necesario reconectar ${n} de cuentas`,
      other: (n) => `Es necesario reconectar ${n} cuentas`,
    }),
  bannerExpiringTitle: (name) => `Pronto será necesario reconectar ${name}`,
  bannerExpiringManyTitle: (count) =>
    plural(count, {
      one: (n) => `Pronto será necesario reconectar ${n} cuenta`,
      many: (n) => `Pronto será necesario reconectar ${n} de cuentas`,
      other: (n) => `Pronto será necesario reconectar ${n} cuentas`,
    }),
  expiringMessage: (relative) =>
    `La autorización caduca ${relative}. Reconecta la cuenta para que sus datos se sigan actualizando.`,
  openSettings: 'Abrir configuración de conexión',
  dismiss: 'Descartar',
  previousFailure: 'Cuenta anterior',
  nextFailure: 'Cuenta siguiente',
  failurePosition: (index, count) => `${num(index)} de ${num(count)}`,
  failureNavigation: 'Cuentas que requieren atención',
  sortedAscending: (column) => `Ordenado por ${column}, de forma ascendente`,
  sortedDescending: (column) => `Ordenado por ${column}, de forma descendente`,
  ofSource: (source) => `: ${source}`,
};
