/**
 * @module metadata
 * What Logto's Console shows for this connector: names, descriptions and the configuration form.
 */
import {
  ConnectorConfigFormItemType,
  TemplateType,
  type ConnectorMetadata,
} from '@logto/connector-kit';

import { defaultEndpoints, defaultTimeout, timeoutRange } from './config/config.js';
import { logoDataUrl } from './logo.js';
import { defaultPnvsCodeValidMinutes, defaultPnvsEndpoint } from './plan/pnvs.js';

const onPnvs = [{ targetKey: 'mainlandService', expectValue: 'pnvs' }];

/** Distinct from the official connector's `aliyun-short-message-service`, so both can be installed. */
export const connectorId = 'aliyun-sms';

/** The connector's metadata, as Logto's loader and Console read it. */
export const metadata: ConnectorMetadata = {
  id: connectorId,
  target: 'aliyun-dysms',
  platform: null,
  name: {
    en: 'Aliyun SMS',
    'zh-CN': '阿里云短信',
    'zh-TW': '阿里雲簡訊',
    ja: 'Aliyun SMS（アリババクラウド ショートメッセージ）',
    ko: 'Aliyun SMS (알리바바 클라우드 문자 메시지)',
    es: 'Aliyun SMS (Alibaba Cloud)',
    'pt-BR': 'Aliyun SMS (Alibaba Cloud)',
    de: 'Aliyun SMS (Alibaba Cloud)',
    fr: 'Aliyun SMS (Alibaba Cloud)',
  },
  logo: logoDataUrl,
  logoDark: null,
  description: {
    en: 'Send verification codes through Alibaba Cloud Short Message Service, to mainland China and overseas numbers, with clear errors and bounded time.',
    'zh-CN': '通过阿里云短信服务发送验证码，支持中国大陆及港澳台和国际号码，错误信息清晰，请求有超时保障。',
    'zh-TW': '透過阿里雲簡訊服務發送驗證碼，支援中國大陸及港澳台與國際號碼，錯誤訊息清楚，請求有逾時保障。',
    ja: 'Alibaba Cloud のショートメッセージサービスで確認コードを送信します。中国本土と海外の番号に対応し、エラーは明確で、待ち時間に上限があります。',
    ko: 'Alibaba Cloud 문자 메시지 서비스로 인증 코드를 보냅니다. 중국 본토와 해외 번호를 지원하며, 오류가 명확하고 대기 시간에 상한이 있습니다.',
    es: 'Envía códigos de verificación con el servicio de SMS de Alibaba Cloud a números de China continental y del extranjero, con errores claros y tiempo de espera acotado.',
    'pt-BR': 'Envia códigos de verificação pelo serviço de SMS da Alibaba Cloud para números da China continental e do exterior, com erros claros e tempo de espera limitado.',
    de: 'Versendet Bestätigungscodes über den SMS-Dienst von Alibaba Cloud an Nummern in Festlandchina und im Ausland, mit klaren Fehlern und begrenzter Wartezeit.',
    fr: 'Envoie des codes de vérification via le service SMS d’Alibaba Cloud vers la Chine continentale et l’étranger, avec des erreurs claires et un délai borné.',
  },
  // Logto reads this file from the package for every request that builds connectors and shows it in
  // the Console's guide: a short setup guide, not the README or the docs/ reference (see bench/metadata-cost.ts).
  readme: './docs/console-guide.md',
  formItems: [
    {
      key: 'site',
      label: 'Account site',
      type: ConnectorConfigFormItemType.Select,
      required: false,
      defaultValue: 'china',
      selectItems: [
        { value: 'china', title: 'China site (aliyun.com): SendSms' },
        { value: 'international', title: 'International site (alibabacloud.com): SendMessageWithTemplate / SendMessageToGlobe' },
      ],
      description:
        'Where the Alibaba Cloud account was opened. China site accounts send every number through SendSms; international site accounts use the 2018-05-01 API.',
    },
    {
      key: 'mainlandService',
      label: 'Mainland China numbers',
      type: ConnectorConfigFormItemType.Select,
      required: false,
      defaultValue: 'sms',
      // Shown whatever the site: the Console's edit page applies no defaults (logto-io/logto
      // `packages/console/src/utils/connector-form.ts`, `initFormData`), so a config saved without
      // `site` (the official connector's shape, which means the China site) would never show it.
      selectItems: [
        { value: 'sms', title: 'SendSms with my own signature and templates' },
        { value: 'pnvs', title: 'Phone Number Verification Service (号码认证服务): gifted signature and templates' },
      ],
      description:
        'China site only (an empty Account site means the China site; the international site refuses PNVS). PNVS sends mainland codes with a signature and templates Aliyun provides, for accounts without an approved signature of their own. With PNVS, other numbers go through SendSms only when Signature name and Templates are set; otherwise they are refused before sending.',
    },
    {
      key: 'pnvsSignName',
      label: 'PNVS gifted signature (赠送签名)',
      type: ConnectorConfigFormItemType.Text,
      required: false,
      placeholder: '速通互联验证码',
      showConditions: onPnvs,
      description:
        'Required with PNVS: a gifted signature listed in the PNVS console (短信认证 → 赠送签名), spelled exactly as shown there. Aliyun changes the list from time to time.',
    },
    {
      key: 'pnvsCodeValidMinutes',
      label: 'Code lifetime in the PNVS message (minutes)',
      type: ConnectorConfigFormItemType.Number,
      required: false,
      placeholder: String(defaultPnvsCodeValidMinutes),
      showConditions: onPnvs,
      description: `The \${min} the gifted templates show, 1 to 60; default ${defaultPnvsCodeValidMinutes}. Set it to Logto's verification code lifetime (Logto does not tell connectors; its default is 10 minutes).`,
    },
    {
      key: 'pnvsSchemeName',
      label: 'PNVS scheme name',
      type: ConnectorConfigFormItemType.Text,
      required: false,
      showConditions: onPnvs,
      description: 'Optional: the scheme (方案) name from the PNVS console, at most 20 characters; empty uses the default scheme.',
    },
    {
      key: 'pnvsEndpoint',
      label: 'PNVS API endpoint',
      type: ConnectorConfigFormItemType.Text,
      required: false,
      placeholder: defaultPnvsEndpoint,
      showConditions: onPnvs,
      description: `PNVS API base URL; default ${defaultPnvsEndpoint}. https:// only, except http:// to a loopback host for the local sandbox.`,
    },
    {
      key: 'accessKeyId',
      label: 'AccessKey ID',
      type: ConnectorConfigFormItemType.Text,
      required: true,
      placeholder: 'LTAI5t...',
      description:
        'AccessKey ID of a RAM user allowed to send: dysms:SendSms on the China site (and dypns:SendSmsVerifyCode with PNVS); dysms:SendMessageWithTemplate and dysms:SendMessageToGlobe on the international site.',
    },
    {
      key: 'accessKeySecret',
      label: 'AccessKey Secret',
      type: ConnectorConfigFormItemType.Text,
      required: true,
      isConfidential: true,
      placeholder: '<access-key-secret>',
      description: 'The AccessKey secret, shown once when the AccessKey is created.',
    },
    {
      key: 'signName',
      label: 'Signature name (签名)',
      type: ConnectorConfigFormItemType.Text,
      required: false,
      placeholder: '阿里云短信测试',
      description:
        'An approved SMS signature, spelled exactly as the Aliyun SMS console shows it. Required, except with PNVS, where it is needed only to send to numbers outside mainland China.',
    },
    {
      key: 'templates',
      label: 'Templates',
      type: ConnectorConfigFormItemType.Json,
      required: false,
      // Every type once, and after SignIn one example of an entry for a language.
      defaultValue: Object.values(TemplateType).flatMap((usageType) => [
        { usageType, templateCode: '<template-code>' },
        ...(usageType === TemplateType.SignIn ? [{ usageType, locales: ['en'], templateCode: '<template-code>' }] : []),
      ]),
      description:
        'One entry per message type (plus one per extra language, see locales): usageType, and templateCode as a string or {"china": "...", "overseas": "..."}. Optional params maps template variables to Logto placeholders (default {"code": "{{code}}"}). International site: content is the text sent outside mainland China, e.g. "Your verification code is {{code}}". Optional locales lists the languages an entry serves, e.g. ["en"] or ["zh-HK", "zh-TW"]: users whose sign-in language matches get that entry, everyone else the entry without locales. SignIn, Register, ForgotPassword and Generic are required; other types fall back to Generic. With PNVS: optional pnvsTemplateCode (a gifted template, default by message type) and pnvsParams (default {"code": "{{code}}", "min": "<code lifetime>"}); templateCode is needed only with a Signature name, and a PNVS-only account may leave Templates empty.',
    },
    {
      key: 'strictPhoneRegionNumberCheck',
      label: 'Strict phone region check',
      type: ConnectorConfigFormItemType.Switch,
      defaultValue: false,
      description:
        'Off: an 11-digit number starting with 13 to 19 and no region code is a mainland China number (this also catches North American numbers such as 16502530000). On: only numbers with 86, +86 or 0086 are mainland. Turn it on when every stored number has its region code and you have North American users.',
    },
    {
      key: 'senderId',
      label: 'Sender ID',
      type: ConnectorConfigFormItemType.Text,
      required: false,
      placeholder: 'Logto',
      showConditions: [{ targetKey: 'site', expectValue: 'international' }],
      description:
        'International site only: the sender ID SendMessageToGlobe shows outside mainland China (alphanumeric up to 11 characters, or up to 15 digits). Some countries, such as the US, Canada and Singapore, require a registered one.',
    },
    {
      key: 'allowedRegionCodes',
      label: 'Allowed region codes',
      type: ConnectorConfigFormItemType.Json,
      required: false,
      // The Console needs JSON text here to save; `{}` is also what it shows for a stored config without the key.
      defaultValue: {},
      placeholder: '["86", "852", "853", "886"]',
      description:
        'Optional fraud guard: a list such as ["86", "852", "853", "886"]; only numbers with these country calling codes are sent, others are refused before any request. Overseas SMS are billed per message and are the usual target of SMS pumping, so list only the regions your users are in. {} (the default) allows every region.',
    },
    {
      key: 'endpoint',
      label: 'API endpoint',
      type: ConnectorConfigFormItemType.Text,
      required: false,
      placeholder: defaultEndpoints.china,
      description: `Aliyun SMS API base URL. Default: ${defaultEndpoints.china} on the China site, ${defaultEndpoints.international} on the international site (another regional host such as https://dysmsapi.eu-central-1.aliyuncs.com works too). https:// only, except http:// to a loopback host for the local sandbox.`,
    },
    {
      key: 'disableSendLog',
      label: 'Turn off the send log',
      type: ConnectorConfigFormItemType.Switch,
      defaultValue: false,
      description:
        "Off (the default): every send and every refusal writes one line to Logto's standard output, with the message type, the number masked, the template, the time and Aliyun's BizId or MessageId, so that a user's message can be found and looked up (see docs/send-log.md). Never the code or the text. On: no line is written.",
    },
    {
      key: 'timeout',
      label: 'Timeout (ms)',
      type: ConnectorConfigFormItemType.Number,
      required: false,
      placeholder: String(defaultTimeout),
      description: `Milliseconds one send may take in all, from ${timeoutRange.min} to ${timeoutRange.max}; default ${defaultTimeout}.`,
    },
    {
      key: 'fallback',
      label: 'Fallback account (optional)',
      type: ConnectorConfigFormItemType.Json,
      required: false,
      // The Console needs JSON text here to save; `{}` (no fallback) is also what it shows for a config saved without the key.
      defaultValue: {},
      placeholder: '{"accessKeyId": "LTAI5t...", "signName": "...", "templates": [...]}',
      description:
        'Optional: a second Aliyun account (or PNVS on this one) that sends when this account cannot: out of balance, suspended, its key or RAM policy refused, a signature or template withdrawn. Never after a timeout, flow control or a daily cap. The same keys as this form, only those that differ, e.g. {"accessKeyId": "LTAI5t...", "signName": "...", "templates": [...]} or {"mainlandService": "pnvs", "pnvsSignName": "速通互联验证码"}; each key left out is this account\'s. Its secret goes in Fallback AccessKey Secret. Send tests this account only; doctor --send tests both.',
    },
    {
      key: 'fallbackAccessKeySecret',
      label: 'Fallback AccessKey Secret',
      type: ConnectorConfigFormItemType.Text,
      required: false,
      isConfidential: true,
      placeholder: '<fallback-access-key-secret>',
      description: 'The secret of the fallback account\'s AccessKey (fallback.accessKeyId); required when the fallback has an AccessKey of its own, empty otherwise.',
    },
  ],
};
