// The Flex Consumption Function App (.NET 10 isolated worker) and its App Service authentication. Its app settings are
// set by appsettings.bicep, from one literal list in main.bicep.

@description('Name of the Function App (also its default host name).')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region.')
param location string

@description('Tags of the app; azure.yaml\'s service name goes in azd-service-name so that `azd deploy` finds the app.')
param tags object

@description('Resource id of the app\'s user-assigned managed identity: Key Vault references, storage, telemetry.')
param identityId string

@description('Resource id of the deployment identity: writes and reads the deployment package, nothing else.')
param deploymentIdentityId string

@description('Blob endpoint of the deployment package\'s storage account.')
param packageBlobEndpoint string

@description('Container of the deployment package.')
param packageContainerName string

@description('Most instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of one instance.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

@description('Client id of the Entra ID app registration for admin sign-in; empty disables App Service authentication.')
param entraClientId string

@description('Tenant of that app registration.')
param entraTenantId string

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    // The deployment identity must be attached for the platform to use it. Code in the app could ask for its token
    // too (any attached identity can be requested by client id), but the app is never given its client id and uses
    // its own identity (AZURE_CLIENT_ID, AzureWebJobsStorage__clientId) everywhere.
    userAssignedIdentities: {
      '${identityId}': {}
      '${deploymentIdentityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity (the default would be a system-assigned one, which the app has not).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${packageBlobEndpoint}${packageContainerName}'
          // Not the app's identity: the platform writes the package published by `azd deploy` with this one, so the
          // identity the app runs with has no write access to its own code.
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: deploymentIdentityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// No publishing with user names and passwords (FTP or the scm site's basic authentication): `azd deploy` publishes
// with the deployer's Entra ID token, which needs neither.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

// Entra ID sign-in for admins. Unauthenticated requests pass through: webhooks, emailed links and the status page are
// public. The app itself requires the role Wgeo.Admin on admin routes, from the X-MS-CLIENT-PRINCIPAL header that
// this authentication layer adds (and strips from callers).
resource authentication 'Microsoft.Web/sites/config@2024-11-01' = if (!empty(entraClientId)) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: entraClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            entraClientId
            'api://${entraClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

output name string = app.name
output url string = 'https://${app.properties.defaultHostName}'
