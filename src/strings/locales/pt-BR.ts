import type { Strings } from '../strings.js';

// Brazilian Portuguese, "você" (implied, as Brazilian product UI does). Terms: conexão
// (connection), conta (account), fonte de dados (data source), principal / secundária
// (main / secondary), reconectar (re-connect), login (sign-in), excluir (delete).
// "A conta <name>" where the sentence needs a gender, so adjectives agree with "conta".
let rules: Intl.PluralRules | undefined;
let numbers: Intl.NumberFormat | undefined;
const num = (value: number) => (numbers ??= new Intl.NumberFormat('pt-BR')).format(value);

/** Portuguese: one (0 and 1), many (exact millions: "1.000.000 de contas"), other. */
interface Forms {
  one: (n: string) => string;
  many: (n: string) => string;
  other: (n: string) => string;
}
const plural = (count: number, forms: Forms) => {
  const category = (rules ??= new Intl.PluralRules('pt-BR')).select(count);
  return (category === 'one' ? forms.one : category === 'many' ? forms.many : forms.other)(num(count));
};

export const ptBR: Strings = {
  loading: 'Carregando…',
  retry: 'Tentar novamente',
  retryNow: 'Tentar agora',
  retryingIn: (seconds) => `Nova tentativa em ${num(seconds)} s…`,
  stillLoading: 'Ainda carregando…',
  close: 'Fechar',
  cancel: 'Cancelar',
  connect: 'Conectar',
  reconnect: 'Reconectar',
  connectionSettings: 'Configurações de conexão',
  loadFailed: 'Não foi possível carregar as conexões.',
  unknownSource: 'Esta fonte de dados não está disponível.',
  noEndpoint: 'Nenhum endpoint foi configurado para este widget.',
  unauthorized: 'Sua sessão expirou. Faça login de novo e tente novamente.',
  popupBlocked: 'O navegador bloqueou a janela de login. Permita pop-ups para este site e tente novamente.',
  authorizationCancelled: 'O login foi cancelado. Nada foi alterado.',
  authorizationTimedOut: 'O login demorou demais e foi interrompido. Tente novamente.',
  authorizationFailed: (message) => `Falha no login: ${message}`,
  accountMismatch: (message) => `${message} Nada foi substituído.`,
  addAsNewConnection: 'Adicionar como nova conexão',
  authorizationPending: 'Aguardando a janela de login…',
  connected: (name) => `A conta ${name} está conectada.`,
  reconnected: (name) => `A conta ${name} foi reconectada.`,

  notConnected: 'Não conectado',
  accountCount: (count) =>
    plural(count, { one: (n) => `${n} conta`, many: (n) => `${n} de contas`, other: (n) => `${n} contas` }),
  needsAttention: (count) =>
    plural(count, {
      one: (n) => `${n} precisa de atenção`,
      many: (n) => `${n} precisam de atenção`,
      other: (n) => `${n} precisam de atenção`,
    }),
  expiringSoon: (count) =>
    plural(count, {
      one: (n) => `${n} expira em breve`,
      many: (n) => `${n} expiram em breve`,
      other: (n) => `${n} expiram em breve`,
    }),
  endpointUnreachable:
    'Não foi possível acessar o serviço. Verifique sua conexão com a internet e tente novamente.',
  dismissNotice: 'Dispensar mensagem',

  dialogTitle: (source) => `Conexões com ${source}`,
  tableCaption: (source) => `Contas conectadas com ${source}`,
  addOrUpdate: 'Adicionar ou atualizar conexão',
  columnStatus: 'Status',
  columnAccount: 'Conta',
  columnId: 'ID',
  columnCreated: 'Data de criação',
  columnUpdated: 'Data de atualização',
  columnActions: 'Ações',
  // Agree with the column, "Status" (masculine).
  statusActive: 'Ativo',
  statusError: 'Erro',
  statusExpiring: 'Expirando',
  // The relative time comes from Intl: "em 5 dias".
  expiresIn: (relative) => `Expira ${relative}`,
  statusUnknown: 'Desconhecido',
  // Agree with "conta" (feminine).
  main: 'Principal',
  secondary: 'Secundária',
  never: 'Nunca',
  makeMain: 'Tornar principal',
  // The *Label texts contain the visible text or tooltip as is (WCAG 2.5.3, label in name).
  makeMainLabel: (name) => `Tornar principal: ${name}`,
  refreshData: 'Atualizar dados',
  refreshDataLabel: (name) => `Atualizar dados de ${name}`,
  reconnectLabel: (name) => `Reconectar ${name}`,
  deleteLabel: (name) => `Excluir ${name}`,
  confirmDeleteTitle: 'Excluir esta conexão?',
  confirmDelete: (name, id) =>
    `A conta ${name} (${id}) vai parar de enviar dados. Você pode conectá-la novamente depois.`,
  confirmDeleteButton: 'Excluir',
  deleted: (name) => `A conta ${name} foi excluída.`,
  deleteFailed: (name) => `Não foi possível excluir a conta ${name}. Ela continua conectada.`,
  madeMain: (name) => `A conta ${name} agora é a principal.`,
  makeMainFailed: (name) => `Não foi possível tornar a conta ${name} a principal.`,
  refreshRequested: (name) => `A atualização dos dados da conta ${name} foi solicitada.`,
  refreshFailed: (name) => `Não foi possível atualizar os dados da conta ${name}.`,
  filterLabel: 'Filtrar contas',
  filterPlaceholder: 'Nome ou ID',
  noMatch: (filter) => `Nenhuma conta corresponde a “${filter}”.`,
  shownCount: (shown, total) =>
    plural(total, {
      one: (n) => `${num(shown)} de ${n} conta`,
      many: (n) => `${num(shown)} de ${n} de contas`,
      other: (n) => `${num(shown)} de ${n} contas`,
    }),
  emptyTitle: 'Nenhuma conta conectada ainda',
  emptyBody: 'Adicione uma conexão para começar a importar dados.',
  revalidateFailed: 'Não foi possível atualizar a lista, e ela pode estar desatualizada.',
  failureReason: (text, reason) => `${text} ${reason}`,

  selectionTitle: 'Escolha as contas que deseja conectar',
  selectionIntro: (count, source) =>
    plural(count, {
      one: (n) => `Este login dá acesso a ${n} conta do ${source}. Cada conta escolhida vira uma conexão.`,
      many: (n) => `Este login dá acesso a ${n} de contas do ${source}. Cada conta escolhida vira uma conexão.`,
      other: (n) => `Este login dá acesso a ${n} contas do ${source}. Cada conta escolhida vira uma conexão.`,
    }),
  selectionSearch: 'Pesquisar contas',
  selectAll: 'Selecionar todas',
  selectedCount: (selected, total) => `${num(selected)} de ${num(total)} selecionadas`,
  alreadyConnected: 'Já conectada',
  mainAccount: 'Conta principal',
  connectAccounts: (count) =>
    plural(count, { one: (n) => `Conectar ${n} conta`, many: (n) => `Conectar ${n} de contas`, other: (n) => `Conectar ${n} contas` }),
  selectionEmpty: 'Escolha pelo menos uma conta.',
  accountsConnected: (count) =>
    plural(count, {
      one: (n) => `${n} conta foi conectada.`,
      many: (n) => `${n} de contas foram conectadas.`,
      other: (n) => `${n} contas foram conectadas.`,
    }),
  selectionCancelled: 'A seleção foi cancelada: nenhuma conta foi adicionada.',
  selectionFailed: 'Não foi possível conectar as contas escolhidas.',
  selectionExpired: 'A escolha chegou tarde demais. Faça login de novo para escolher suas contas.',

  bannerTitle: (name) => `A conta ${name} precisa ser reconectada`,
  bannerManyTitle: (count) =>
    plural(count, {
      one: (n) => `${n} conta precisa ser reconectada`,
      many: (n) => `${n} de contas precisam ser reconectadas`,
      other: (n) => `${n} contas precisam ser reconectadas`,
    }),
  bannerExpiringTitle: (name) => `A conta ${name} precisa ser reconectada em breve`,
  bannerExpiringManyTitle: (count) =>
    plural(count, {
      one: (n) => `${n} conta precisa ser reconectada em breve`,
      many: (n) => `${n} de contas precisam ser reconectadas em breve`,
      other: (n) => `${n} contas precisam ser reconectadas em breve`,
    }),
  expiringMessage: (relative) =>
    `A autorização expira ${relative}. Reconecte a conta para que os dados continuem sendo atualizados.`,
  openSettings: 'Abrir configurações de conexão',
  dismiss: 'Dispensar',
  previousFailure: 'Conta anterior',
  nextFailure: 'Próxima conta',
  failurePosition: (index, count) => `${num(index)} de ${num(count)}`,
  failureNavigation: 'Contas que precisam de atenção',
  sortedAscending: (column) => `Ordenado por ${column}, em ordem crescente`,
  sortedDescending: (column) => `Ordenado por ${column}, em ordem decrescente`,
  ofSource: (source) => `: ${source}`,
};
