// WgeoFlows in Azure: `azd up` deploys this (parameters from main.parameters.json and the azd environment).
// One resource group with a Flex Consumption Function App (.NET 10 isolated), its data storage account reached with a
// managed identity (shared keys off), a separate account for its deployment package, a Key Vault for the secrets, and
// Application Insights on Log Analytics (Entra ID ingestion only).
targetScope = 'subscription'

@description('azd environment name: names the resource group and seeds the unique resource names.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region of every resource (one where Flex Consumption is offered).')
@minLength(1)
param location string

@description('Salt of the Key Vault\'s name. Empty on the first deployment; azure.yaml\'s postdown hook sets a new one after each `azd down`, because the deleted vault keeps its name for 90 days (purge protection).')
param keyVaultSalt string = ''

// ---- secrets (azd asks for them, or takes them from the environment: see main.parameters.json) ----

@description('HMAC key of the intake webhook, shared with the form service (Intake:WebhookSecret).')
@secure()
@minLength(32)
param webhookSecret string

@description('HMAC key of emailed links (Links:SigningKey). Changing it invalidates every link already sent.')
@secure()
@minLength(32)
param linkSigningKey string

@description('SendGrid API key with the Mail Send permission (SendGrid:ApiKey).')
@secure()
@minLength(1)
param sendGridApiKey string

@description('Admin key for scripts, sent in X-Wgeo-Admin-Key (Admin:ApiKey). People sign in with Entra ID instead.')
@secure()
@minLength(32)
param adminApiKey string

// ---- mail and people ----

@description('Sender address: a SendGrid verified sender or an address of an authenticated domain (Mail:From).')
param mailFrom string

@description('Sender display name (Mail:FromName).')
param mailFromName string = 'WGEO Partnership'

@description('Where admin notices go, e.g. a request that needs a manual match (Admin:NotifyEmails:0).')
param adminNotifyEmail string

@description('Client id of the Entra ID app registration whose app role Wgeo.Admin marks admins. Empty: no Entra sign-in (admin key only).')
param entraClientId string = ''

@description('Tenant of that app registration.')
param entraTenantId string = tenant().tenantId

@description('Base of every emailed link, e.g. a custom domain; empty means the app\'s default host name.')
param publicBaseUrl string = ''

// ---- workflow timers and matching (the contract's defaults) ----

@description('Review:ReminderAfter (TimeSpan).')
param reviewReminderAfter string = '3.00:00:00'

@description('Review:EscalateAfter (TimeSpan).')
param reviewEscalateAfter string = '7.00:00:00'

@description('Review:ExpireAfter (TimeSpan).')
param reviewExpireAfter string = '14.00:00:00'

@description('Matching:CandidatesPerRound.')
@minValue(1)
param matchingCandidatesPerRound int = 3

@description('Matching:MaxRounds.')
@minValue(1)
param matchingMaxRounds int = 3

@description('Matching:OfferTimeout (TimeSpan).')
param matchingOfferTimeout string = '5.00:00:00'

@description('FollowUp:After (TimeSpan).')
param followUpAfter string = '90.00:00:00'

@description('When the purge of finished requests\' orchestration history runs (six-field cron, UTC). The Functions host reads this timer schedule from the app settings itself, so it must be set here.')
param adminPurgeSchedule string = '0 30 2 * * *'

@description('How long after a request finished its orchestration history is purged (TimeSpan).')
param adminPurgeAfter string = '90.00:00:00'

@description('When the daily digest goes to the admins (six-field cron, UTC). Like the purge schedule, read by the Functions host.')
param adminDigestSchedule string = '0 0 7 * * *'

@description('How often the Functions app sweeps the intake inbox for submissions whose dispatch a crash interrupted (six-field cron, UTC). Read by the Functions host like the other schedules.')
param intakeDispatchSweepSchedule string = '0 * * * * *'

@description('When the quarterly impact summary goes to the admins (six-field cron, UTC): 08:00 on the first day of each quarter.')
param impactSummarySchedule string = '0 0 8 1 1,4,7,10 *'

@description('How long a request\'s personal data is kept after it reached a final status (Closed, Rejected, Expired, Cancelled), and a removed partner\'s or reviewer\'s address in finished requests after the removal (TimeSpan; about 24 months).')
param privacyRetainFor string = '730.00:00:00'

@description('When the retention job erases the personal data whose time is up (six-field cron, UTC). Read by the Functions host like the other schedules.')
param privacyRetentionSchedule string = '0 0 3 * * *'

@description('SendGrid\'s Event Webhook verification key (public, base64; azd: WGEO_SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY). Empty: delivery events are refused until it is set.')
param sendGridEventWebhookPublicKey string = ''

// ---- scale, storage, retention ----

@description('Most Function App instances (Flex Consumption scales out per function group up to this).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of one instance (MB).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Storage replication of both accounts. Empty: zone-redundant (Standard_ZRS) in a region with availability zones, Standard_LRS elsewhere (see zoneRedundantStorageRegions).')
@allowed(['', 'Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param storageSkuName string = ''

@description('Days a deleted attachment can be restored (blob soft delete).')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int = 30

@description('Days Log Analytics keeps logs and traces.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('Durable Functions task hub name (TASKHUB_NAME in host.json).')
@minLength(3)
@maxLength(45)
param taskHubName string = 'wgeoflows'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var appName = 'func-wgeo-${resourceToken}'

// A Key Vault name is global and, with purge protection, stays taken by the deleted vault for 90 days after `azd down`.
// Without a salt the name is the one every earlier deployment used; with one, the next `azd up` gets a new vault while
// the other resources keep their names (and the app its URL).
var keyVaultToken = empty(keyVaultSalt) ? resourceToken : toLower(uniqueString(subscription().id, environmentName, location, keyVaultSalt))

// Regions where Standard_ZRS is offered for general-purpose v2 accounts (Microsoft Learn, "Azure regions that support
// zone-redundant storage"). Elsewhere a ZRS account cannot be created, so the default falls back to LRS there.
var zoneRedundantStorageRegions = [
  'australiaeast'
  'brazilsouth'
  'canadacentral'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'israelcentral'
  'italynorth'
  'japaneast'
  'koreacentral'
  'mexicocentral'
  'northeurope'
  'norwayeast'
  'polandcentral'
  'qatarcentral'
  'southafricanorth'
  'southcentralus'
  'southeastasia'
  'spaincentral'
  'swedencentral'
  'switzerlandnorth'
  'uaenorth'
  'uksouth'
  'westeurope'
  'westus2'
  'westus3'
]
var storageSku = !empty(storageSkuName)
  ? storageSkuName
  : (contains(zoneRedundantStorageRegions, toLower(replace(location, ' ', ''))) ? 'Standard_ZRS' : 'Standard_LRS')

resource resourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: resourceGroup
  params: {
    name: 'id-wgeo-${resourceToken}'
    location: location
    tags: tags
  }
}

// Writes and reads the deployment package, nothing else (see modules/packagestorage.bicep).
module deploymentIdentity 'modules/identity.bicep' = {
  scope: resourceGroup
  params: {
    name: 'id-wgeo-deploy-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-wgeo-${resourceToken}'
    applicationInsightsName: 'appi-wgeo-${resourceToken}'
    location: location
    tags: tags
    retentionInDays: logRetentionDays
    appPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  scope: resourceGroup
  params: {
    name: 'stwgeo${resourceToken}'
    location: location
    tags: tags
    skuName: storageSku
    blobSoftDeleteDays: blobSoftDeleteDays
    appPrincipalId: identity.outputs.principalId
  }
}

module packageStorage 'modules/packagestorage.bicep' = {
  scope: resourceGroup
  params: {
    name: 'stwgeopkg${resourceToken}'
    location: location
    tags: tags
    skuName: storageSku
    containerName: 'app-package'
    deploymentPrincipalId: deploymentIdentity.outputs.principalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  scope: resourceGroup
  params: {
    name: 'kv-wgeo-${keyVaultToken}'
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
    webhookSecret: webhookSecret
    linkSigningKey: linkSigningKey
    sendGridApiKey: sendGridApiKey
    adminApiKey: adminApiKey
  }
}

module functionApp 'modules/functionapp.bicep' = {
  scope: resourceGroup
  params: {
    name: appName
    planName: 'plan-wgeo-${resourceToken}'
    location: location
    tags: union(tags, { 'azd-service-name': 'api' })
    identityId: identity.outputs.id
    deploymentIdentityId: deploymentIdentity.outputs.id
    packageBlobEndpoint: packageStorage.outputs.blobEndpoint
    packageContainerName: packageStorage.outputs.containerName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    entraClientId: entraClientId
    entraTenantId: entraTenantId
  }
}

// Every setting the app reads, one literal list (tests/WgeoFlows.Deployment.Tests checks it against the code;
// settings left to their defaults are listed in optional-settings.json). Keys use __ for the configuration's ':'.
module appSettings 'modules/appsettings.bicep' = {
  scope: resourceGroup
  params: {
    appName: functionApp.outputs.name
    settings: {
      // The Functions host and the Durable extension's storage provider (connection "AzureWebJobsStorage"): identity, no keys.
      AzureWebJobsStorage__accountName: storage.outputs.name
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.outputs.clientId
      // The app's own table and blob clients: DefaultAzureCredential picks the user-assigned identity by AZURE_CLIENT_ID.
      Storage__AccountName: storage.outputs.name
      AZURE_CLIENT_ID: identity.outputs.clientId
      TASKHUB_NAME: taskHubName
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
      // Local authentication is off on Application Insights: the host and the worker send with the app's identity.
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identity.outputs.clientId}'
      // Secrets: Key Vault references without a version, so a rotated secret is picked up without a deployment.
      Intake__WebhookSecret: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.webhookSecretUri})'
      Links__SigningKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.linkSigningKeyUri})'
      SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.sendGridApiKeyUri})'
      Admin__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.adminApiKeyUri})'
      // The principal header is trustworthy only where App Service authentication is on (it strips callers' copies).
      Admin__TrustAppServiceAuthentication: empty(entraClientId) ? 'false' : 'true'
      Admin__NotifyEmails__0: adminNotifyEmail
      Mail__From: mailFrom
      Mail__FromName: mailFromName
      PublicBaseUrl: empty(publicBaseUrl) ? functionApp.outputs.url : publicBaseUrl
      Review__ReminderAfter: reviewReminderAfter
      Review__EscalateAfter: reviewEscalateAfter
      Review__ExpireAfter: reviewExpireAfter
      Matching__CandidatesPerRound: string(matchingCandidatesPerRound)
      Matching__MaxRounds: string(matchingMaxRounds)
      Matching__OfferTimeout: matchingOfferTimeout
      FollowUp__After: followUpAfter
      Admin__PurgeSchedule: adminPurgeSchedule
      Admin__PurgeAfter: adminPurgeAfter
      Admin__DigestSchedule: adminDigestSchedule
      Impact__SummarySchedule: impactSummarySchedule
      Intake__DispatchSweepSchedule: intakeDispatchSweepSchedule
      Privacy__RetainFor: privacyRetainFor
      Privacy__RetentionSchedule: privacyRetentionSchedule
      SendGrid__EventWebhookPublicKey: sendGridEventWebhookPublicKey
      // The worker receives every request from the Functions host over loopback. The host passes the address it saw in
      // X-Forwarded-For, which the worker's ASP.NET Core integration applies; should a loopback peer still carry one, believe
      // it and nobody else's, so that rate limits are per client and never one for the whole internet (see docs/security.md).
      RateLimits__TrustedProxies: '127.0.0.0/8,::1'
    }
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_SKU string = storageSku
output AZURE_PACKAGE_STORAGE_ACCOUNT_NAME string = packageStorage.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
@description('The app\'s URL; the API is under /api (the admin dashboard at /api/admin).')
output SERVICE_API_URI string = functionApp.outputs.url
@description('Base of every emailed link.')
output WGEO_PUBLIC_BASE_URL string = empty(publicBaseUrl) ? functionApp.outputs.url : publicBaseUrl
