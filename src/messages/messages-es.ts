import type { CompleteMessageCatalog } from './message-catalog.js';

/**
 * The built-in Spanish texts (neutral Latin American Spanish, informal "tú").
 *
 * @public
 */
export const MESSAGES_ES: CompleteMessageCatalog = {
  kinds: {
    auth: { title: 'No podemos conectar ahora', body: 'Un problema de nuestro lado impide la conexión.' },
    'invalid-request': { title: 'Algo salió mal', body: 'No pudimos completar tu solicitud.' },
    'not-found': { title: 'No encontrado', body: 'Esta cuenta o conexión ya no existe.' },
    conflict: { title: 'Ya está en curso', body: 'Ya estamos trabajando en esto.' },
    'rate-limited': { title: 'Demasiados intentos', body: 'Espera antes de volver a intentarlo.' },
    'mfa-expired': { title: 'La verificación expiró', body: 'El control de seguridad expiró. Vuelve a empezar.' },
    'reconnect-required': { title: 'Vuelve a conectar tu banco', body: 'La conexión con tu banco requiere atención.' },
    'manual-link-unsupported': { title: 'No disponible', body: 'No está disponible para cuentas agregadas a mano.' },
    unsupported: { title: 'No admitido', body: 'Tu banco o tu cuenta no lo admite.' },
    'no-accounts': { title: 'No hay cuentas elegibles', body: 'No encontramos una cuenta que podamos usar en este banco.' },
    'fi-unavailable': { title: 'Tu banco no responde', body: 'Tu banco no está disponible por ahora.' },
    'provider-unavailable': { title: 'No disponible por ahora', body: 'Tenemos problemas para conectar. Inténtalo pronto.' },
    unknown: { title: 'Ocurrió un error', body: 'Ocurrió un error inesperado.' },
  },
  // Kinds whose detail changes what the end user should know; other details use the kind's text.
  details: {
    'reconnect-required.credentials': { title: 'Revisa tu acceso al banco', body: 'Tu banco no aceptó los datos de acceso. Vuelve a iniciar sesión.' },
    'reconnect-required.consent': { body: 'El permiso para compartir esta cuenta terminó o no se otorgó.' },
    'reconnect-required.account-locked': { body: 'Tu banco bloqueó esta cuenta. Contacta a tu banco o inicia sesión en su sitio para desbloquearla.' },
  },
  actions: {
    none: 'Aceptar',
    wait: 'Intentar más tarde',
    reconnect: 'Volver a conectar',
    'reenter-credentials': 'Actualizar acceso',
    'visit-institution': 'Ir a tu banco',
    'restart-mfa': 'Empezar de nuevo',
    'link-another-account': 'Vincular otra cuenta',
    'contact-support': 'Contactar a soporte',
  },
};
